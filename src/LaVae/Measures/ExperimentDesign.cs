using LaVae.Artifacts;
using LaVae.Training;

namespace LaVae.Measures;

/// <summary>
/// What an experiment trains and measures, without its claims: the dataset, the pair and models of a
/// Table I style comparison, the grid of a transfer heatmap, and the settings. Measures and figures
/// read it to know which trained parts they need.
/// </summary>
/// <param name="Pair">The pair (A1, A2) the listed <paramref name="Models"/> train on, when exactly one is declared; else null.</param>
public sealed record ExperimentDesign(
    string Dataset,
    IReadOnlyList<string>? Pair,
    IReadOnlyList<string> Models,
    TransferGrid? Transfer,
    TrainingSettings Settings)
{
    /// <summary>
    /// Every pair the listed models train on (<c>pairs: [[A1, A2], ...]</c>); <see cref="Pair"/> alone
    /// when the experiment declares one pair. Measures that compare pairs iterate over these.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Pairs { get; init; } = Pair is null ? [] : [Pair];

    /// <summary>
    /// The augmentations the experiment declares, name → canonical definition. A trained part's pair holds
    /// the definitions (<see cref="Definition"/>), so its key follows what an augmentation does; metric
    /// names, figures and claims keep the declared names.
    /// </summary>
    public IReadOnlyDictionary<string, string> Augmentations { get; init; } = new Dictionary<string, string>();

    /// <summary>A budget ladder's rungs (<c>budgets:</c>): the design is measured once per rung, under its settings; empty without a ladder.</summary>
    public IReadOnlyList<BudgetRung> Budgets { get; init; } = [];

    /// <summary>
    /// What is measured, each with the prefix its metric names get: the design itself (no prefix), or
    /// with a ladder, one design per rung under the rung's settings ("budget.&lt;rung&gt;.").
    /// </summary>
    public IReadOnlyList<(string Prefix, ExperimentDesign Design)> Measured => Budgets.Count == 0
        ? [("", this)]
        : [.. Budgets.Select(rung => (rung.Metric(""), this with { Settings = rung.Settings, Budgets = [] }))];

    /// <summary>What a trained part's pair holds for the augmentation named <paramref name="name"/>: its definition if declared, else the paper's name.</summary>
    public string Definition(string name) => Augmentations.TryGetValue(name, out var definition) ? definition : name;

    /// <summary>The pair as trained parts hold it (<see cref="Definition"/> of each).</summary>
    public IReadOnlyList<string> Defined(IReadOnlyList<string> pair) =>
        pair.Any(Augmentations.ContainsKey) ? [.. pair.Select(Definition)] : pair; // the same list where nothing is declared, so equal specs stay equal records

    /// <summary>A listed model kind trained on the pair.</summary>
    public ArtifactSpec Model(string kind, int seed) =>
        Model(kind, Pair ?? throw new InvalidOperationException("this experiment declares no single pair"), seed);

    /// <summary>A listed model kind trained on <paramref name="pair"/>, one of <see cref="Pairs"/>, with the part it builds on.</summary>
    public ArtifactSpec Model(string kind, IReadOnlyList<string> pair, int seed)
    {
        var spec = new ArtifactSpec(kind, Dataset, Defined(pair), seed, Settings);
        return spec with { Source = ModelKinds.Get(kind).BuildsOn(spec) };
    }

    /// <summary>The harness's classifier of the dataset (the class measure's judge): no pair, the design's settings.</summary>
    public ArtifactSpec Classifier(int seed) => new("classifier", Dataset, ArtifactSpec.NoPair, seed, Settings);

    /// <summary>The LAVAE latent space (stages 1-2) of a pair.</summary>
    public ArtifactSpec LatentSpace(IReadOnlyList<string> pair, int seed) => new("lavae", Dataset, Defined(pair), seed, Settings);

    /// <summary>The stage-3 head for <paramref name="target"/> on the latent space of <paramref name="source"/>.</summary>
    public ArtifactSpec Head(IReadOnlyList<string> source, IReadOnlyList<string> target, int seed)
    {
        var grid = Transfer ?? throw new InvalidOperationException("this experiment declares no transfer grid");
        return new("transfer_head", Dataset, Defined(target), seed, Settings, LatentSpace(source, seed), grid.TrainsComposition(source, target));
    }
}

/// <summary>
/// The Fig. 7 / Fig. 18 grid: a latent space per source pair, a head per target pair on each. The
/// diagonal (source = target) is the latent space's own decoder 0 and needs no head.
/// </summary>
/// <param name="Composition">
/// "own": every head learns its composition target (equation 7). "authors": as the authors' code,
/// where the composition of every head after the first is decoded through the first head, so only
/// the first listed target (other than the source itself) learns it.
/// </param>
/// <param name="PaperTable">The baselines/paper table holding the paper's cells, if any (fig7).</param>
public sealed record TransferGrid(
    IReadOnlyList<IReadOnlyList<string>> Sources,
    IReadOnlyList<IReadOnlyList<string>> Targets,
    string Composition,
    string? PaperTable)
{
    public const string OwnComposition = "own";
    public const string AuthorsComposition = "authors";

    public static string Name(IReadOnlyList<string> pair) => string.Join(',', pair);

    public bool TrainsComposition(IReadOnlyList<string> source, IReadOnlyList<string> target)
    {
        if (Composition == OwnComposition)
        {
            return true;
        }

        var first = Targets.First(t => Name(t) != Name(source));
        return Name(first) == Name(target);
    }
}
