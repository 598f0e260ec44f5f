namespace LaVae.Training;

/// <summary>One training stage: its name (used in checkpoints), epochs, batch size and learning rate.</summary>
public sealed record StagePlan(string Name, int Epochs, int BatchSize, double LearningRate)
{
    public int BatchesPerEpoch(long examples) => (int)((examples + BatchSize - 1) / BatchSize);
}
