namespace LaVae.Experiments;

/// <summary>An experiment under one profile: the settings to train with and the checks that apply.</summary>
public sealed class ResolvedExperiment
{
    internal ResolvedExperiment(Experiment experiment, RunDefinition run, IReadOnlyList<Claim> claims, IReadOnlyList<SnapshotSpec> snapshots)
    {
        Experiment = experiment;
        Run = run;
        Claims = claims;
        Snapshots = snapshots;
    }

    public Experiment Experiment { get; }

    public RunDefinition Run { get; }

    /// <summary>The claims whose <c>profiles</c> include this profile.</summary>
    public IReadOnlyList<Claim> Claims { get; }

    /// <summary>The snapshots whose <c>profiles</c> include this profile.</summary>
    public IReadOnlyList<SnapshotSpec> Snapshots { get; }
}
