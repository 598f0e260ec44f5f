using LaVae.Measures;
using LaVae.Training;

namespace LaVae.Experiments;

/// <summary>
/// Everything that determines an experiment's trained parts and measured metrics under one profile;
/// the <see cref="RunKey"/> is a hash of it. Claims are not part of it: they only judge the metrics.
/// </summary>
/// <param name="Seeds">Each seed trains its own parts; metrics are reported per seed and as their mean.</param>
/// <param name="Pair">The augmentation pair (A1, A2) of the listed models, in that order; null when none are listed.</param>
/// <param name="Models">Model kinds to train and evaluate on the pair, in the order the file lists them.</param>
/// <param name="Transfer">The transfer heatmap grid, when the experiment has one.</param>
public sealed record RunDefinition(
    string Dataset,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<string>? Pair,
    IReadOnlyList<string> Models,
    TransferGrid? Transfer,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> Figures,
    string Profile,
    TrainingSettings Settings)
{
    public ExperimentDesign Design() => new(Dataset, Pair, Models, Transfer, Settings);
}
