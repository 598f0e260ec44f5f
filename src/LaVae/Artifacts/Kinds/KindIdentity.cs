using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>The settings every kind's weights depend on (the architecture and the optimiser), first in every key.</summary>
internal static class KindIdentity
{
    public static IEnumerable<KeyValuePair<string, double>> Common(TrainingSettings settings, params KeyValuePair<string, double>[] own) =>
    [
        new("filters", settings.Filters),
        new("latent", settings.LatentDim),
        new("batch_size", settings.BatchSize),
        new("learning_rate", settings.LearningRate),
        .. own,
    ];

    /// <summary>What both CVAE baselines train with.</summary>
    public static IEnumerable<KeyValuePair<string, double>> Cvae(TrainingSettings settings) => Common(
        settings,
        new("kl_weight", settings.KlWeight),
        new("train_images", settings.TrainImages),
        new("cvae_epochs", settings.CvaeEpochs));

    /// <summary>
    /// What CSVAE trains with: the CVAEs' epochs and data, but not kl_weight, since its KL weights
    /// are its own paper's β (<see cref="Models.CsvaeObjective"/>), part of the code.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, double>> Csvae(TrainingSettings settings) => Common(
        settings,
        new("train_images", settings.TrainImages),
        new("cvae_epochs", settings.CvaeEpochs));
}
