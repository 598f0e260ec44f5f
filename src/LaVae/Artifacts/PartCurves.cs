using LaVae.Training;

namespace LaVae.Artifacts;

/// <summary>
/// One trained part's training curves as a run reports them: which part, and stage → term → the
/// per-epoch values of <see cref="TrainingCurves"/> (per training example).
/// </summary>
/// <param name="Part">The part as <see cref="ArtifactSpec.Describe"/> names it, e.g. "LAVAE on flip_lr,flip_ud (seed 1)".</param>
/// <param name="Kind">Its model kind, e.g. lavae, transfer_head.</param>
/// <param name="Key">Its artifact key.</param>
public sealed record PartCurves(
    string Part,
    string Kind,
    string Pair,
    int Seed,
    string Key,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<double>>> Stages);
