namespace LaVae.Experiments;

/// <summary>
/// Everything that determines the trained models and so the measured metrics; the
/// <see cref="RunKey"/> is a hash of it. Claims are not part of it: they only judge the metrics.
/// </summary>
/// <param name="Pair">The augmentation pair (A1, A2), in that order.</param>
/// <param name="Models">Model kinds to train and evaluate, in the order the file lists them.</param>
public sealed record RunDefinition(
    string Dataset,
    int Seed,
    IReadOnlyList<string> Pair,
    IReadOnlyList<string> Models,
    string Profile,
    TrainingSettings Settings);
