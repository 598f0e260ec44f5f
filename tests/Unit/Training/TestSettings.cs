using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>Builds and edits <see cref="TrainingSettings"/> by name, for tests that spell every value out.</summary>
internal static class TestSettings
{
    public static TrainingSettings Of(
        int filters, int latent, int batchSize, double learningRate, double klWeight, double involutoryWeight, int trainImages,
        int testImages, int stage1, int stage2, int stage3, int cvae, int classifier, int checkpointEvery) => new(new Dictionary<Setting, double>
        {
            [Setting.Filters] = filters,
            [Setting.Latent] = latent,
            [Setting.BatchSize] = batchSize,
            [Setting.LearningRate] = learningRate,
            [Setting.KlWeight] = klWeight,
            [Setting.InvolutoryWeight] = involutoryWeight,
            [Setting.TrainImages] = trainImages,
            [Setting.TestImages] = testImages,
            [Setting.Stage1Epochs] = stage1,
            [Setting.Stage2Epochs] = stage2,
            [Setting.Stage3Epochs] = stage3,
            [Setting.CvaeEpochs] = cvae,
            [Setting.ClassifierEpochs] = classifier,
            [Setting.CheckpointEvery] = checkpointEvery,
        });

    /// <summary>The settings with one value moved within its bound: an integer up by one, a number to 2x + 0.5.</summary>
    public static TrainingSettings Nudged(TrainingSettings settings, string key)
    {
        var setting = Setting.Find(key);
        var value = settings.Value(setting);
        return settings.With(setting, setting.IsInteger ? value + 1 : (2 * value) + 0.5);
    }
}
