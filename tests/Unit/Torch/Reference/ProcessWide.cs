namespace LaVae.Tests.Unit.Torch.Reference;

/// <summary>
/// Tests that touch process-wide state (the global generator, thread count, resident memory)
/// run alone, after the parallel ones, so no other test disturbs what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWide
{
    public const string Name = "process-wide engine state";
}
