using LaVae.Torch;

namespace LaVae.Experiments;

/// <summary>How to run an experiment: which profile, on which device, into which folder, with which artifact store.</summary>
/// <param name="StoreFolder">The artifact store every experiment shares (default runs/artifacts).</param>
/// <param name="DataFolder">Where datasets live (null: LAVAE_DATA, then ~/.cache/lavae).</param>
/// <param name="Force">Measure again even when results.json already holds this run.</param>
public sealed record RunOptions(string Profile, Device Device, string OutputFolder, string StoreFolder, string? DataFolder = null, bool Force = false)
{
    /// <summary>Settings given on the command line (<c>--set epochs.stage1=20</c>), laid over the profile's; checked by <see cref="SettingOverrides.Parse"/>.</summary>
    public IReadOnlyDictionary<string, double> Overrides { get; init; } = new Dictionary<string, double>();
}
