using LaVae.Experiments;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>Settings, contexts and parameter snapshots for training tiny models in a test.</summary>
internal static class TinyTraining
{
    /// <summary>F = 4, batch 16, one to three epochs a stage: a whole LAVAE trains in well under a second.</summary>
    public static TrainingSettings Settings(int stage1 = 2, int stage2 = 3, int stage3 = 2, int cvae = 3, int classifier = 2) => TestSettings.Of(
        filters: 4, latent: 16, batchSize: 16, learningRate: 1e-3, klWeight: 1, involutoryWeight: 1,
        trainImages: 16, testImages: 4, stage1: stage1, stage2: stage2, stage3: stage3, cvae: cvae, classifier: classifier,
        checkpointEvery: 1);

    public static TrainingContext Context(ITrainingProgress progress, ulong seed = 5, int checkpointEvery = 1) =>
        new(seed, CPU, progress, checkpointEvery);

    /// <summary>Every parameter's values by name, copied out.</summary>
    public static Dictionary<string, float[]> Snapshot(nn.Module model) =>
        model.named_parameters().ToDictionary(p => p.name, p => p.parameter.contiguous().ToArray<float>());

    /// <summary>The names whose values differ in any bit between two snapshots of the same model.</summary>
    public static List<string> Changed(Dictionary<string, float[]> before, Dictionary<string, float[]> after)
    {
        before.Keys.Should().BeEquivalentTo(after.Keys);
        return before.Keys.Where(name => !Bits(before[name]).SequenceEqual(Bits(after[name]))).ToList();
    }

    private static IEnumerable<int> Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits);
}

/// <summary>A crash stands in for a killed process: thrown from a progress callback, in the middle of a stage.</summary>
internal sealed class SimulatedCrashException(string message) : Exception(message);

/// <summary>Records what training reports and, if asked, crashes right after a chosen batch.</summary>
internal sealed class RecordingProgress(string? crashStage = null, int crashEpoch = -1, int crashBatch = -1) : ITrainingProgress
{
    public List<string> Events { get; } = [];

    public List<(string Stage, int Epoch, int Batch)> Batches { get; } = [];

    public List<string> Notices { get; } = [];

    public void StageStarted(string model, StagePlan stage, int firstEpoch, int batchesPerEpoch) =>
        Events.Add($"{model}/{stage.Name} started at epoch {firstEpoch}");

    public void BatchDone(string model, StagePlan stage, int epoch, int batch, double loss)
    {
        Batches.Add((stage.Name, epoch, batch));
        if (stage.Name == crashStage && epoch == crashEpoch && batch == crashBatch)
        {
            throw new SimulatedCrashException($"crashed after {stage.Name} epoch {epoch} batch {batch}");
        }
    }

    public void EpochDone(string model, StagePlan stage, int epoch, double meanLoss, IReadOnlyList<KeyValuePair<string, double>> terms, TimeSpan elapsed)
    {
    }

    public void StageSkipped(string model, StagePlan stage, string reason) => Events.Add($"{model}/{stage.Name} skipped");

    public void Notice(string message) => Notices.Add(message);
}
