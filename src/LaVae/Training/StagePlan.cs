namespace LaVae.Training;

/// <summary>One training stage: its name (used in checkpoints), epochs, batch size and learning rate.</summary>
public sealed record StagePlan(string Name, int Epochs, int BatchSize, double LearningRate)
{
    public int BatchesPerEpoch(long examples) => (int)((examples + BatchSize - 1) / BatchSize);

    /// <summary>Examples in batch <paramref name="batch"/> of an epoch: the batch size, less in the last one.</summary>
    public long BatchLength(long examples, int batch) => Math.Min(BatchSize, examples - ((long)batch * BatchSize));
}
