using LaVae.Torch;

namespace LaVae.Experiments;

/// <summary>How to run an experiment: which profile, on which device, into which folder.</summary>
/// <param name="DataFolder">Where datasets live (null: LAVAE_DATA, then ~/.cache/lavae).</param>
/// <param name="Force">Retrain even when results.json already holds this run.</param>
public sealed record RunOptions(string Profile, Device Device, string OutputFolder, string? DataFolder = null, bool Force = false);
