using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>
/// Reads an <c>experiments/*.yaml</c> file strictly: unknown keys, wrong types, missing fields and
/// names outside the vocabulary or the baselines are errors at their file:line:column.
/// </summary>
internal sealed class ExperimentParser(ExperimentVocabulary vocabulary, PaperBaselines baselines)
{
    /// <summary>The profile whose values are the <c>settings</c> block itself.</summary>
    public const string PaperProfile = "paper";

    private static readonly string[] TopLevelKeys =
        ["id", "title", "paper", "dataset", "seed", "pair", "models", "settings", "profiles", "claims", "snapshots"];

    public Experiment Parse(string path, string text)
    {
        var file = StrictYamlFile.Parse(path, text);
        var top = file.Mapping(file.Root, "", TopLevelKeys);

        var id = top.RequiredString("id");
        var fileId = Path.GetFileNameWithoutExtension(path);
        if (id != fileId)
        {
            throw file.Error(top.Required("id"), $"id '{id}' must equal the file name '{fileId}', so a claim is found by its id");
        }

        var models = ReadModels(file, top);
        var header = new ExperimentHeader(
            id,
            top.RequiredString("title"),
            top.RequiredString("paper"),
            ReadKnown(file, top.Required("dataset"), "dataset", vocabulary.Datasets, "dataset"),
            top.RequiredInteger("seed"),
            ReadPair(file, top),
            models,
            path);
        var settings = SettingsSchema.Read(file, top.Required("settings"), "settings", complete: true);
        var profiles = ReadProfiles(file, top);

        var scope = new ExperimentScope(file, models, profiles.Keys.ToList(), vocabulary.Metrics, baselines);
        var claims = ReadItems(file, top, "claims", ClaimParser.Parse, scope);
        var snapshots = ReadItems(file, top, "snapshots", SnapshotParser.Parse, scope);
        RequireUnique(file, top, "claims", claims.Select(claim => claim.Id).ToList(), "claim id");
        RequireUnique(file, top, "snapshots", snapshots.Select(snapshot => snapshot.Name).ToList(), "snapshot name");

        return new Experiment(header, settings, profiles, claims, snapshots);
    }

    private static string ReadKnown(StrictYamlFile file, YamlNode node, string path, IReadOnlyCollection<string> known, string what)
    {
        var name = file.String(node, path);
        return known.Contains(name) ? name : throw file.Error(node, $"unknown {what} '{name}' (known: {Names.List(known)})");
    }

    private List<string> ReadPair(StrictYamlFile file, StrictMapping top)
    {
        var node = top.Required("pair");
        var items = file.List(node, "pair");
        if (items.Count != 2)
        {
            throw file.Error(node, $"'pair' must list two augmentations (A1, A2), found {items.Count}");
        }

        return items.Select((item, i) => ReadKnown(file, item, $"pair[{i}]", vocabulary.Augmentations, "augmentation")).ToList();
    }

    private List<string> ReadModels(StrictYamlFile file, StrictMapping top)
    {
        var node = top.Required("models");
        var items = file.List(node, "models");
        if (items.Count == 0)
        {
            throw file.Error(node, "'models' must list at least one model kind");
        }

        var known = vocabulary.ModelKinds.Keys.ToList();
        var models = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var model = ReadKnown(file, items[i], $"models[{i}]", known, "model kind");
            if (models.Contains(model, StringComparer.Ordinal))
            {
                throw file.Error(items[i], $"model '{model}' is listed twice");
            }

            models.Add(model);
        }

        return models;
    }

    // The settings block is the paper profile, so 'paper' must be declared and must override nothing;
    // other profiles (smoke) only override values.
    private static Dictionary<string, IReadOnlyDictionary<string, double>> ReadProfiles(StrictYamlFile file, StrictMapping top)
    {
        var mapping = file.Mapping(top.Required("profiles"), "profiles", knownKeys: null);
        var profiles = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (name, keyNode, node) in mapping.Entries)
        {
            if (!Names.IsPlainIdentifier(name))
            {
                throw file.Error(keyNode, $"profile name '{name}' must use only letters, digits, '-' and '_'");
            }

            var overrides = SettingsSchema.Read(file, node, mapping.PathOf(name), complete: false);
            if (name == PaperProfile && overrides.Count > 0)
            {
                throw file.Error(node, "the 'paper' profile must be {}: the 'settings' block holds the paper's values");
            }

            profiles.Add(name, overrides);
        }

        if (!profiles.ContainsKey(PaperProfile))
        {
            throw file.Error(mapping.Node, "'profiles' must declare 'paper: {}' (the 'settings' block is the paper profile)");
        }

        return profiles;
    }

    private static List<T> ReadItems<T>(
        StrictYamlFile file, StrictMapping top, string key, Func<ExperimentScope, YamlNode, string, T> parse, ExperimentScope scope) =>
        top.Optional(key) is { } node
            ? file.List(node, key).Select((item, i) => parse(scope, item, $"{key}[{i}]")).ToList()
            : [];

    private static void RequireUnique(StrictYamlFile file, StrictMapping top, string key, List<string> names, string what)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names.IndexOf(names[i]) < i)
            {
                var item = ((YamlSequenceNode)top.Required(key)).Children[i];
                throw file.Error(item, $"{what} '{names[i]}' is used twice");
            }
        }
    }
}
