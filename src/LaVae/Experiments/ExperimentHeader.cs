using LaVae.Measures;

namespace LaVae.Experiments;

/// <summary>The fields of an experiment file other than settings, profiles and checks, gathered by the parser.</summary>
internal sealed record ExperimentHeader(
    string Id,
    string Title,
    string PaperReference,
    string Dataset,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<IReadOnlyList<string>> Pairs,
    IReadOnlyList<string> Models,
    TransferGrid? Transfer,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> Figures,
    string SourcePath)
{
    /// <summary>A budget ladder's rungs as declared: each a name and the settings it lays over the profile's.</summary>
    public IReadOnlyList<(string Name, IReadOnlyDictionary<string, double> Overrides)> Budgets { get; init; } = [];

    /// <summary>The augmentations the file declares: name → canonical definition.</summary>
    public IReadOnlyDictionary<string, string> Augmentations { get; init; } = new Dictionary<string, string>();
}
