using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>The settings every kind's weights depend on (the architecture and the optimiser), first in every key.</summary>
internal static class KindIdentity
{
    public static IReadOnlyList<Setting> Common(params Setting[] own) =>
        [Setting.Filters, Setting.Latent, Setting.BatchSize, Setting.LearningRate, .. own];

    /// <summary>What both CVAE baselines train with.</summary>
    public static IReadOnlyList<Setting> Cvae { get; } = Common(Setting.KlWeight, Setting.TrainImages, Setting.CvaeEpochs);

    /// <summary>
    /// What CSVAE trains with: the CVAEs' epochs and data, but not kl_weight, since its KL weights
    /// are its own paper's β (<see cref="Models.CsvaeObjective"/>), part of the code.
    /// </summary>
    public static IReadOnlyList<Setting> Csvae { get; } = Common(Setting.TrainImages, Setting.CvaeEpochs);
}
