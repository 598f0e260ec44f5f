namespace LaVae.Experiments;

/// <summary>Placeholder until the experiments branch lands (same shape).</summary>
public sealed record TrainingSettings(
    int Filters, int LatentDim, int BatchSize, double LearningRate, double KlWeight, double InvolutoryWeight,
    int TrainImages, int TestImages, int Stage1Epochs, int Stage2Epochs, int Stage3Epochs, int CvaeEpochs, int CheckpointEvery);
