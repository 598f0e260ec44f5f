using LaVae.Measures;
using LaVae.Training;

namespace LaVae.Experiments;

/// <summary>
/// Everything that determines an experiment's trained parts and measured metrics under one profile;
/// the <see cref="RunKey"/> is a hash of it. Claims are not part of it: they only judge the metrics.
/// </summary>
/// <param name="Seeds">Each seed trains its own parts; metrics are reported per seed and as their mean.</param>
/// <param name="Pairs">The augmentation pairs (A1, A2) the listed models train on, each in that order; empty when none.</param>
/// <param name="Models">Model kinds to train and evaluate on each pair, in the order the file lists them.</param>
/// <param name="Transfer">The transfer heatmap grid, when the experiment has one.</param>
public sealed record RunDefinition(
    string Dataset,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<IReadOnlyList<string>> Pairs,
    IReadOnlyList<string> Models,
    TransferGrid? Transfer,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> Figures,
    string Profile,
    TrainingSettings Settings)
{
    /// <summary>The pair, when exactly one is declared; null otherwise.</summary>
    public IReadOnlyList<string>? Pair => Pairs.Count == 1 ? Pairs[0] : null;

    /// <summary>A budget ladder's rungs, each with its resolved settings; empty without a ladder.</summary>
    public IReadOnlyList<BudgetRung> Budgets { get; init; } = [];

    /// <summary>The settings given on the command line (<c>--set</c>), already in <see cref="Settings"/>; the report names them.</summary>
    public IReadOnlyDictionary<string, double> Overridden { get; init; } = new Dictionary<string, double>();

    /// <summary>The augmentations the experiment declares: name → canonical definition (what its parts are keyed by).</summary>
    public IReadOnlyDictionary<string, string> Augmentations { get; init; } = new Dictionary<string, string>();

    public ExperimentDesign Design() => new(Dataset, Pair, Models, Transfer, Settings) { Pairs = Pairs, Budgets = Budgets, Augmentations = Augmentations };
}
