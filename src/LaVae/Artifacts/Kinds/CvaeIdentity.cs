using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>The settings both CVAE baselines train with.</summary>
internal static class CvaeIdentity
{
    public static IEnumerable<KeyValuePair<string, double>> Of(TrainingSettings settings) =>
    [
        new("filters", settings.Filters),
        new("latent", settings.LatentDim),
        new("batch_size", settings.BatchSize),
        new("learning_rate", settings.LearningRate),
        new("kl_weight", settings.KlWeight),
        new("train_images", settings.TrainImages),
        new("cvae_epochs", settings.CvaeEpochs),
    ];
}
