using LaVae.Artifacts;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// CVAE entanglement without labels (Fig. 8, 9): for every test digit and column (orig, aug1, aug2,
/// compose) of every listed model, is the decoded image nearer the digit's own target (x0, A1(x0),
/// A2(x0), A2(A1(x0))) than the same target of each of 99 other test digits? Reported as
/// <c>&lt;model&gt;.identity.&lt;column&gt;</c>, the fraction of test digits retrieved top-1 (chance: 0.01).
/// The distance and the seeded choice of the other digits are <see cref="IdentityRetrieval"/>'s.
/// A miss has two causes the figure tells apart and <c>&lt;model&gt;.unaugmented.&lt;aug1|aug2|compose&gt;</c>
/// counts: the fraction of test digits whose decoded A_k is nearer the digit's own x0 than its own
/// A_k(x0), i.e. the digit decoded as it was, the augmentation ignored (rather than another digit).
/// </summary>
internal sealed class IdentityMeasure : IMeasure
{
    public static readonly string[] Columns = ["orig", "aug1", "aug2", "compose"];

    /// <summary>The columns whose decoded image can be compared with x0 and with a different A_k(x0).</summary>
    public static readonly string[] AugmentedColumns = ["aug1", "aug2", "compose"];

    /// <summary>Test digits decoded and compared at once: the candidates' pixels of a batch are 100 x 100 x 784 floats.</summary>
    private const int BatchSize = 100;

    public string Name => "identity";

    public string? Problem(ExperimentDesign design) =>
        design.Pair is null || design.Models.Count == 0 ? "'identity' measures the listed 'models' on one 'pair'; declare both" : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        from model in design.Models
        from name in Columns.Select(column => $"identity.{column}").Concat(AugmentedColumns.Select(column => $"unaugmented.{column}"))
        select $"{model}.{name}";

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) => design.Models.Select(model => design.Model(model, seed));

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var model in design.Models)
        {
            var node = artifacts.Node(design.Model(model, seed));
            var test = artifacts.TestSets(node.Spec);
            var columns = artifacts.Columns(node).Where(column => Columns.Contains(column.Name)).ToList();
            foreach (var (column, scores) in columns.Zip(Scores(test, columns, seed)))
            {
                metrics[$"{model}.identity.{column.Name}"] = scores.Identity;
                if (AugmentedColumns.Contains(column.Name))
                {
                    metrics[$"{model}.unaugmented.{column.Name}"] = scores.Unaugmented;
                }
            }
        }

        return metrics;
    }

    /// <summary>
    /// Per column: the fraction of test digits whose decoded image is nearest its own target among the
    /// candidates (identity), and the fraction whose decoded image is nearer x0 than its own target
    /// (unaugmented; 0 for the orig column, whose target is x0).
    /// </summary>
    public static IReadOnlyList<(double Identity, double Unaugmented)> Scores(AlignedSets test, IReadOnlyList<ErrorColumn> columns, int seed)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(columns);
        using var noGrad = no_grad();
        using var outer = NewDisposeScope();
        var device = test.Orig.device;
        var candidates = IdentityRetrieval.Candidates(test.Count, seed, device);
        var targets = new Dictionary<AugClass, Tensor>();
        var hits = columns.Select(_ => zeros([], ScalarType.Float64, device)).ToList();
        var unaugmented = columns.Select(_ => zeros([], ScalarType.Float64, device)).ToList();
        for (long start = 0; start < test.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var indices = arange(start, Math.Min(start + BatchSize, test.Count), device: device);
            var batch = new EvaluationBatch(test, indices);
            var rows = candidates.index_select(0, indices);
            for (var c = 0; c < columns.Count; c++)
            {
                var target = columns[c].Target;
                if (!targets.TryGetValue(target, out var all))
                {
                    all = AlignedSets.ToModelInput(test[target]).MoveToOuterDisposeScope();
                    targets[target] = all;
                }

                var decoded = columns[c].Compute(batch);
                hits[c].add_(IdentityRetrieval.Hits(decoded, all, rows).to(ScalarType.Float64).sum());
                var nearerOriginal = IdentityRetrieval.NearerOriginal(decoded, batch.Input(AugClass.Orig), batch.Input(target));
                unaugmented[c].add_(nearerOriginal.to(ScalarType.Float64).sum());
            }
        }

        return hits.Zip(unaugmented, (h, u) => (h.ToDouble() / test.Count, u.ToDouble() / test.Count)).ToList();
    }
}
