namespace LaVae.Experiments;

/// <summary>
/// <c>experiments/settings.yaml</c>: the settings and profiles every experiment starts from. An
/// experiment file overrides only what differs (<see cref="ProfiledSettings.Extend"/>).
/// </summary>
internal static class SharedSettingsFile
{
    public const string FileName = "settings.yaml";

    private static readonly string[] TopLevelKeys = ["settings", "profiles"];

    /// <exception cref="ExperimentFormatException">The file does not follow the schema.</exception>
    public static ProfiledSettings Parse(string path, string text)
    {
        var file = StrictYamlFile.Parse(path, text);
        return ProfiledSettings.Read(file, file.Mapping(file.Root, "", TopLevelKeys));
    }
}
