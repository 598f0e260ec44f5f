namespace LaVae.Experiments;

/// <summary>Values of some settings by dotted key, and where each was written.</summary>
internal sealed record SettingValues(IReadOnlyDictionary<string, double> Values, IReadOnlyDictionary<string, SettingSource> Sources)
{
    public static SettingValues None { get; } = new(new Dictionary<string, double>(), new Dictionary<string, SettingSource>());

    /// <summary>These values with <paramref name="over"/>'s written over them.</summary>
    public SettingValues Overlaid(SettingValues over)
    {
        ArgumentNullException.ThrowIfNull(over);
        var values = new Dictionary<string, double>(Values, StringComparer.Ordinal);
        var sources = new Dictionary<string, SettingSource>(Sources, StringComparer.Ordinal);
        foreach (var (key, value) in over.Values)
        {
            values[key] = value;
            sources[key] = over.Sources[key];
        }

        return new SettingValues(values, sources);
    }
}

/// <summary>
/// A <c>settings</c> block (the paper's values) and a <c>profiles</c> block (each profile's overrides),
/// as <c>experiments/settings.yaml</c> declares them for every experiment and an experiment file may
/// extend them: <see cref="Extend"/> lays the experiment's values over the shared ones, block by block,
/// so a profile resolves as shared settings, the experiment's settings, the shared profile, then the
/// experiment's profile.
/// </summary>
internal sealed record ProfiledSettings(SettingValues Settings, IReadOnlyDictionary<string, SettingValues> Profiles)
{
    /// <summary>The profile whose values are the <c>settings</c> block itself.</summary>
    public const string PaperProfile = "paper";

    /// <summary>No values and no profiles: what an experiment extends when there is no shared file.</summary>
    public static ProfiledSettings None { get; } = new(SettingValues.None, new Dictionary<string, SettingValues>());

    /// <summary>Reads the optional <c>settings</c> and <c>profiles</c> of a file's top-level mapping.</summary>
    public static ProfiledSettings Read(StrictYamlFile file, StrictMapping top)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(top);
        var settings = top.Optional("settings") is { } node ? ReadValues(file, node, "settings") : SettingValues.None;
        var profiles = new Dictionary<string, SettingValues>(StringComparer.Ordinal);
        if (top.Optional("profiles") is { } profilesNode)
        {
            var mapping = file.Mapping(profilesNode, "profiles", knownKeys: null);
            foreach (var (name, keyNode, profileNode) in mapping.Entries)
            {
                if (!Names.IsPlainIdentifier(name))
                {
                    throw file.Error(keyNode, $"profile name '{name}' must use only letters, digits, '-' and '_'");
                }

                var overrides = ReadValues(file, profileNode, mapping.PathOf(name));
                if (name == PaperProfile && overrides.Values.Count > 0)
                {
                    throw file.Error(profileNode, "the 'paper' profile must be {}: the 'settings' block holds the paper's values");
                }

                profiles.Add(name, overrides);
            }
        }

        return new ProfiledSettings(settings, profiles);
    }

    /// <summary>
    /// <paramref name="own"/> laid over these: its settings over the settings, each of its profiles over
    /// the profile of that name (a profile only it declares starts empty).
    /// </summary>
    public ProfiledSettings Extend(ProfiledSettings own)
    {
        ArgumentNullException.ThrowIfNull(own);
        var profiles = Profiles.Keys.Union(own.Profiles.Keys, StringComparer.Ordinal).ToDictionary(
            name => name,
            name => Profiles.GetValueOrDefault(name, SettingValues.None).Overlaid(own.Profiles.GetValueOrDefault(name, SettingValues.None)),
            StringComparer.Ordinal);
        return new ProfiledSettings(Settings.Overlaid(own.Settings), profiles);
    }

    private static SettingValues ReadValues(StrictYamlFile file, YamlDotNet.RepresentationModel.YamlNode node, string path)
    {
        var sources = new Dictionary<string, SettingSource>(StringComparer.Ordinal);
        var values = SettingsSchema.Read(file, node, path, complete: false, sources);
        return new SettingValues(values, sources);
    }
}
