using LaVae.Torch;

namespace LaVae.Training;

/// <summary>What every stage of a run shares: the seed, the device, where progress goes.</summary>
public sealed record TrainingContext(ulong Seed, Device Device, ITrainingProgress Progress, int CheckpointEvery);
