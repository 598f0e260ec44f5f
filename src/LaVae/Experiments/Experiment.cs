using LaVae.Measures;

namespace LaVae.Experiments;

/// <summary>
/// One paper claim as data: an <c>experiments/*.yaml</c> file after strict parsing. It holds the
/// paper-profile settings and each profile's overrides; <see cref="Resolve"/> picks one profile.
/// </summary>
public sealed class Experiment
{
    private readonly IReadOnlyDictionary<string, double> settings;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> profileOverrides;
    private readonly IReadOnlyList<(string Name, IReadOnlyDictionary<string, double> Overrides)> budgets;

    internal Experiment(
        ExperimentHeader header,
        IReadOnlyDictionary<string, double> settings,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> profileOverrides,
        IReadOnlyList<Claim> claims,
        IReadOnlyList<SnapshotSpec> snapshots)
    {
        (Id, Title, PaperReference, Dataset, Seeds, Pairs, Models, Transfer, Measures, Figures, SourcePath) = header;
        budgets = header.Budgets;
        Augmentations = header.Augmentations;
        this.settings = settings;
        this.profileOverrides = profileOverrides;
        Claims = claims;
        Snapshots = snapshots;
    }

    /// <summary>Equal to the file name without <c>.yaml</c>.</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>Where the claim is in the paper ("Table I; Fig. 3 and 9").</summary>
    public string PaperReference { get; }

    public string Dataset { get; }

    /// <summary>One or more seeds; each trains its own parts.</summary>
    public IReadOnlyList<int> Seeds { get; }

    /// <summary>The augmentation pairs (A1, A2) the listed models train on (<c>pair:</c> or <c>pairs:</c>); empty when none.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Pairs { get; }

    /// <summary>The augmentations the file declares (<c>augmentations:</c>): name → canonical definition; the paper's eleven are not listed.</summary>
    public IReadOnlyDictionary<string, string> Augmentations { get; }

    /// <summary>The pair, when the experiment declares exactly one; null otherwise.</summary>
    public IReadOnlyList<string>? Pair => Pairs.Count == 1 ? Pairs[0] : null;

    public IReadOnlyList<string> Models { get; }

    /// <summary>The transfer heatmap's grid of source and target pairs, when declared.</summary>
    public TransferGrid? Transfer { get; }

    /// <summary>The measures (registry names) whose metrics the experiment reports.</summary>
    public IReadOnlyList<string> Measures { get; }

    /// <summary>The figure kinds (registry names) it draws.</summary>
    public IReadOnlyList<string> Figures { get; }

    /// <summary>The file, relative to the repository root where it was loaded from one.</summary>
    public string SourcePath { get; }

    /// <summary>The declared profile names, sorted.</summary>
    public IReadOnlyList<string> Profiles => profileOverrides.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Every claim, whatever its profiles.</summary>
    public IReadOnlyList<Claim> Claims { get; }

    /// <summary>Every snapshot, whatever its profiles.</summary>
    public IReadOnlyList<SnapshotSpec> Snapshots { get; }

    /// <summary>The settings block with <paramref name="profile"/>'s overrides applied, and that profile's checks.</summary>
    /// <exception cref="ArgumentException">The experiment declares no such profile.</exception>
    public ResolvedExperiment Resolve(string profile) => Resolve(profile, new Dictionary<string, double>());

    /// <summary>
    /// As <see cref="Resolve(string)"/>, with <paramref name="overrides"/> (checked settings, e.g. from
    /// <c>--set</c>) laid over the profile's values; a budget ladder's rungs still lay their own on top.
    /// </summary>
    public ResolvedExperiment Resolve(string profile, IReadOnlyDictionary<string, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (!profileOverrides.TryGetValue(profile, out var profileValues))
        {
            throw new ArgumentException(
                $"experiment '{Id}' ({SourcePath}) has no profile '{profile}' (known: {Names.List(profileOverrides.Keys)})", nameof(profile));
        }

        var values = Overlay(Overlay(settings, profileValues), overrides);

        var run = new RunDefinition(Dataset, Seeds, Pairs, Models, Transfer, Measures, Figures, profile, SettingsSchema.Build(values))
        {
            Budgets = [.. budgets.Select(rung => new BudgetRung(rung.Name, SettingsSchema.Build(Overlay(values, rung.Overrides))))],
            Augmentations = Augmentations,
            Overridden = overrides,
        };
        return new ResolvedExperiment(
            this,
            run,
            Claims.Where(claim => claim.AppliesTo(profile)).ToList(),
            Snapshots.Where(snapshot => snapshot.Profiles.Contains(profile, StringComparer.Ordinal)).ToList());
    }

    /// <summary>The budget ladder's rung names, in the order declared; empty without a ladder.</summary>
    public IReadOnlyList<string> BudgetNames => [.. budgets.Select(rung => rung.Name)];

    private static Dictionary<string, double> Overlay(IReadOnlyDictionary<string, double> values, IReadOnlyDictionary<string, double> over)
    {
        var overlaid = new Dictionary<string, double>(values, StringComparer.Ordinal);
        foreach (var (key, value) in over)
        {
            overlaid[key] = value;
        }

        return overlaid;
    }
}
