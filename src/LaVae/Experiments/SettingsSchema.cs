using LaVae.Training;
using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>
/// The keys of a <c>settings</c> block and of a profile's overrides. Values are kept flat by dotted
/// key (<c>epochs.stage1</c>) so that applying a profile is an overlay, which makes nested maps
/// merge per key: a profile that sets <c>epochs: {stage1: 4}</c> keeps the other epochs.
/// </summary>
internal static class SettingsSchema
{
    private sealed record Field(string Key, bool IsInteger, double Minimum, bool MinimumExcluded = false);

    private static readonly Field[] Fields =
    [
        new("filters", IsInteger: true, Minimum: 1),
        new("latent", IsInteger: true, Minimum: 1),
        new("batch_size", IsInteger: true, Minimum: 1),
        new("learning_rate", IsInteger: false, Minimum: 0, MinimumExcluded: true),
        new("kl_weight", IsInteger: false, Minimum: 0),
        new("involutory_weight", IsInteger: false, Minimum: 0),
        new("train_images", IsInteger: true, Minimum: 1),
        new("test_images", IsInteger: true, Minimum: 1),
        new("epochs.stage1", IsInteger: true, Minimum: 0),
        new("epochs.stage2", IsInteger: true, Minimum: 0),
        new("epochs.stage3", IsInteger: true, Minimum: 0),
        new("epochs.cvae", IsInteger: true, Minimum: 0),
        new("epochs.classifier", IsInteger: true, Minimum: 0),
        new("checkpoint_every", IsInteger: true, Minimum: 1),
    ];

    /// <summary>Reads a settings mapping; <paramref name="complete"/> demands every key (the settings block).</summary>
    /// <param name="sources">Given, receives where each value was written, by dotted key, for errors that come later.</param>
    public static Dictionary<string, double> Read(
        StrictYamlFile file, YamlNode node, string path, bool complete, Dictionary<string, SettingSource>? sources = null)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        ReadLevel(file, node, path, prefix: "", complete, values, sources);
        return values;
    }

    public static TrainingSettings Build(IReadOnlyDictionary<string, double> values)
    {
        int Integer(string key) => checked((int)values[key]);
        return new TrainingSettings(
            Filters: Integer("filters"),
            LatentDim: Integer("latent"),
            BatchSize: Integer("batch_size"),
            LearningRate: values["learning_rate"],
            KlWeight: values["kl_weight"],
            InvolutoryWeight: values["involutory_weight"],
            TrainImages: Integer("train_images"),
            TestImages: Integer("test_images"),
            Stage1Epochs: Integer("epochs.stage1"),
            Stage2Epochs: Integer("epochs.stage2"),
            Stage3Epochs: Integer("epochs.stage3"),
            CvaeEpochs: Integer("epochs.cvae"),
            ClassifierEpochs: Integer("epochs.classifier"),
            CheckpointEvery: Integer("checkpoint_every"));
    }

    private static void ReadLevel(
        StrictYamlFile file, YamlNode node, string path, string prefix, bool complete, Dictionary<string, double> values,
        Dictionary<string, SettingSource>? sources)
    {
        var children = Fields
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
            var leaf = Array.Find(Fields, field => field.Key == key);
            if (leaf is null)
            {
                ReadLevel(file, value, mapping.PathOf(child), key + ".", complete, values, sources);
            }
            else
            {
                values[key] = ReadValue(file, value, mapping.PathOf(child), leaf);
                sources?.Add(key, new SettingSource(value, mapping.PathOf(child)));
            }
        }
    }

    private static double ReadValue(StrictYamlFile file, YamlNode node, string path, Field field)
    {
        var value = field.IsInteger ? file.Integer(node, path) : file.Number(node, path);
        var tooSmall = field.MinimumExcluded ? value <= field.Minimum : value < field.Minimum;
        if (tooSmall)
        {
            var bound = field.MinimumExcluded ? "greater than" : "at least";
            throw file.Error(node, $"{StrictYamlFile.Quote(path)} must be {bound} {NumberText.Exact(field.Minimum)}, found {NumberText.Exact(value)}");
        }

        return value;
    }
}

/// <summary>Where a setting's value was written: its node and its dotted path (<c>profiles.smoke.train_images</c>).</summary>
internal readonly record struct SettingSource(YamlNode Node, string Path);
