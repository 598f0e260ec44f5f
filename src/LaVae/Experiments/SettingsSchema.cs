using LaVae.Training;
using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>
/// The keys of a <c>settings</c> block and of a profile's overrides, as <see cref="Setting.All"/> declares them. Values are kept flat by dotted
/// key (<c>epochs.stage1</c>) so that applying a profile is an overlay, which makes nested maps
/// merge per key: a profile that sets <c>epochs: {stage1: 4}</c> keeps the other epochs.
/// </summary>
internal static class SettingsSchema
{
    /// <summary>Reads a settings mapping; <paramref name="complete"/> demands every key (the settings block).</summary>
    /// <param name="sources">Given, receives where each value was written, by dotted key, for errors that come later.</param>
    public static Dictionary<string, double> Read(
        StrictYamlFile file, YamlNode node, string path, bool complete, Dictionary<string, SettingSource>? sources = null)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        ReadLevel(file, node, path, prefix: "", complete, values, sources);
        return values;
    }

    /// <summary>The settings of complete values (every declared key, as <see cref="Read"/> returns them).</summary>
    public static TrainingSettings Build(IReadOnlyDictionary<string, double> values) =>
        new(values.ToDictionary(pair => Setting.Find(pair.Key), pair => pair.Value));

    private static void ReadLevel(
        StrictYamlFile file, YamlNode node, string path, string prefix, bool complete, Dictionary<string, double> values,
        Dictionary<string, SettingSource>? sources)
    {
        var children = Setting.All
            .Where(field => field.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(field => field.Key[prefix.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var mapping = file.Mapping(node, path, children);
        foreach (var child in children)
        {
            var value = complete ? mapping.Required(child) : mapping.Optional(child);
            if (value is null)
            {
                continue;
            }

            var key = prefix + child;
            var leaf = Setting.All.FirstOrDefault(field => field.Key == key);
            if (leaf is null)
            {
                ReadLevel(file, value, mapping.PathOf(child), key + ".", complete, values, sources);
            }
            else
            {
                values[key] = ReadValue(file, value, mapping.PathOf(child), leaf);
                sources?.Add(key, new SettingSource(file, value, mapping.PathOf(child)));
            }
        }
    }

    private static double ReadValue(StrictYamlFile file, YamlNode node, string path, Setting field)
    {
        var value = field.IsInteger ? file.Integer(node, path) : file.Number(node, path);
        var tooSmall = field.MinimumExcluded ? value <= field.Minimum : value < field.Minimum;
        if (tooSmall)
        {
            var bound = field.MinimumExcluded ? "greater than" : "at least";
            throw file.Error(node, $"{StrictYamlFile.Quote(path)} must be {bound} {NumberText.Exact(field.Minimum)}, found {NumberText.Exact(value)}");
        }

        if (value > field.Maximum)
        {
            throw file.Error(node, $"{StrictYamlFile.Quote(path)} must be at most {NumberText.Exact(field.Maximum)}, found {NumberText.Exact(value)}");
        }

        return value;
    }
}

/// <summary>Where a setting's value was written: its file, node and dotted path (<c>profiles.smoke.train_images</c>).</summary>
internal readonly record struct SettingSource(StrictYamlFile File, YamlNode Node, string Path)
{
    public ExperimentFormatException Error(string problem) => File.Error(Node, problem);
}
