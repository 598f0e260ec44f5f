using LaVae.Figures;
using LaVae.Measures;
using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>
/// Reads an <c>experiments/*.yaml</c> file strictly: unknown keys, wrong types, missing fields and
/// names outside the vocabulary or the baselines are errors at their file:line:column.
/// </summary>
/// <param name="shared">The settings and profiles of <c>experiments/settings.yaml</c>, which each file extends.</param>
internal sealed class ExperimentParser(ExperimentVocabulary vocabulary, PaperBaselines baselines, ProfiledSettings? shared = null)
{
    /// <summary>The profile whose values are the <c>settings</c> block itself.</summary>
    public const string PaperProfile = ProfiledSettings.PaperProfile;

    private const int MaxTitleLength = 200;

    private static readonly string[] TopLevelKeys =
        ["id", "title", "paper", "dataset", "seed", "seeds", "augmentations", "pair", "pairs", "models", "transfer", "budgets", "measures", "figures", "settings", "profiles", "claims", "snapshots"];

    private static readonly string[] BudgetKeys = ["name", "settings"];

    private static readonly string[] TransferKeys = ["sources", "targets", "composition", "paper"];

    public Experiment Parse(string path, string text)
    {
        var file = StrictYamlFile.Parse(path, text);
        var top = file.Mapping(file.Root, "", TopLevelKeys);

        var id = top.RequiredString("id");
        if (!Names.IsPlainIdentifier(id))
        {
            // The id names the run's folder under runs/: '..' or a slash would put it elsewhere.
            throw file.Error(top.Required("id"), $"id '{id}' must be letters, digits, '-' and '_' only, as it names the run's folder");
        }

        var fileId = Path.GetFileNameWithoutExtension(path);
        if (id != fileId)
        {
            throw file.Error(top.Required("id"), $"id '{id}' must equal the file name '{fileId}', so a claim is found by its id");
        }

        var declaredAugmentations = top.Optional("augmentations") is { } augmentationsNode
            ? AugmentationDeclarations.Read(file, augmentationsNode, vocabulary.Augmentations)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var augmentations = new HashSet<string>(vocabulary.Augmentations.Concat(declaredAugmentations.Keys), StringComparer.Ordinal);
        var pairs = ReadModelPairs(file, top, augmentations);
        var pair = pairs.Count == 1 ? pairs[0] : null;
        var models = top.Has("models") ? ReadModels(file, top) : [];
        if (models.Count > 0 && pairs.Count == 0)
        {
            throw file.Error(top.Required("models"), "'models' train on a 'pair': declare the pair (A1, A2) or 'pairs'");
        }

        var declared = (shared ?? ProfiledSettings.None).Extend(ReadOwnSettings(file, top));
        var settings = Complete(file, top, declared.Settings);
        var transfer = top.Optional("transfer") is { } transferNode ? ReadTransfer(file, transferNode, augmentations) : null;
        var budgets = top.Optional("budgets") is { } budgetsNode ? ReadBudgets(file, budgetsNode) : [];
        var design = new ExperimentDesign("design", pair, models, transfer, SettingsSchema.Build(settings.Values))
        {
            Pairs = pairs,
            Augmentations = declaredAugmentations,
            Budgets = [.. budgets.Select(rung => new BudgetRung(rung.Name, SettingsSchema.Build(settings.Values)))],
        };
        var measures = ReadRegistered(file, top, "measures", MeasureRegistry.Names, required: true, name => MeasureRegistry.Get(name).Problem(design));
        var figures = ReadRegistered(file, top, "figures", FigureRegistry.Names, required: false, name => FigureRegistry.Get(name).Problem(design));
        var header = new ExperimentHeader(
            id,
            ReadTitle(file, top),
            top.RequiredString("paper"),
            ReadKnown(file, top.Required("dataset"), "dataset", vocabulary.Datasets, "dataset"),
            ReadSeeds(file, top),
            pairs,
            models,
            transfer,
            measures,
            figures,
            path)
        {
            Budgets = budgets,
            Augmentations = declaredAugmentations,
        };
        if (!declared.Profiles.ContainsKey(PaperProfile))
        {
            throw file.Error(top.Optional("profiles") ?? file.Root,
                $"no 'paper' profile: declare 'paper: {{}}' under 'profiles' in {ExperimentCatalog.ExperimentsFolder}/{SharedSettingsFile.FileName} or this file (the 'settings' block is the paper profile)");
        }

        var profiles = declared.Profiles.ToDictionary(profile => profile.Key, profile => profile.Value.Values, StringComparer.Ordinal);
        ProfileChecks.Check(header.Dataset, design, measures, declared);

        var metricNames = design.Measured
            .SelectMany(measured => measures.SelectMany(measure => MeasureRegistry.Get(measure).MetricNames(measured.Design)).Select(name => measured.Prefix + name))
            .Concat(design.Budgets.Select(rung => rung.ImagesSeenMetric))
            .ToHashSet(StringComparer.Ordinal);
        var scope = new ExperimentScope(file, models, profiles.Keys.ToList(), vocabulary.Metrics, metricNames, baselines);
        var claims = ReadItems(file, top, "claims", ClaimParser.Parse, scope);
        var snapshots = ReadItems(file, top, "snapshots", SnapshotParser.Parse, scope);
        RequireUnique(file, top, "claims", claims.Select(claim => claim.Id).ToList(), "claim id");
        RequireUnique(file, top, "snapshots", snapshots.Select(snapshot => snapshot.Name).ToList(), "snapshot name");
        if (snapshots.Count > 0 && !figures.Contains("reconstruction_grids"))
        {
            throw file.Error(top.Required("snapshots"), "snapshots compare reconstruction grids: add 'reconstruction_grids' to 'figures'");
        }

        return new Experiment(header, settings.Values, profiles, claims, snapshots);
    }

    // 'budgets: [{name: b1, settings: {...}}, ...]': at least two rungs, each named once, each a partial settings block.
    private static List<(string Name, IReadOnlyDictionary<string, double> Overrides)> ReadBudgets(StrictYamlFile file, YamlNode node)
    {
        var items = file.List(node, "budgets");
        if (items.Count < 2)
        {
            throw file.Error(node, $"'budgets' must list at least two rungs (a ladder compares budgets), found {items.Count}");
        }

        var rungs = new List<(string Name, IReadOnlyDictionary<string, double> Overrides)>();
        for (var i = 0; i < items.Count; i++)
        {
            var rung = file.Mapping(items[i], $"budgets[{i}]", BudgetKeys);
            var name = rung.RequiredString("name");
            if (!Names.IsPlainIdentifier(name))
            {
                throw file.Error(rung.Required("name"), $"budget name '{name}' must use only letters, digits, '-' and '_', as it names metrics");
            }

            if (rungs.Any(r => r.Name == name))
            {
                throw file.Error(rung.Required("name"), $"budget '{name}' is listed twice");
            }

            var overrides = rung.Optional("settings") is { } settingsNode
                ? SettingsSchema.Read(file, settingsNode, rung.PathOf("settings"), complete: false)
                : new Dictionary<string, double>();
            rungs.Add((name, overrides));
        }

        return rungs;
    }

    private static string ReadKnown(StrictYamlFile file, YamlNode node, string path, IReadOnlyCollection<string> known, string what)
    {
        var name = file.String(node, path);
        return known.Contains(name) ? name : throw file.Error(node, $"unknown {what} '{name}' (known: {Names.List(known)})");
    }

    private static List<string> ReadPair(StrictYamlFile file, YamlNode node, string path, IReadOnlySet<string> augmentations)
    {
        var items = file.List(node, path);
        if (items.Count != 2)
        {
            throw file.Error(node, $"{StrictYamlFile.Quote(path)} must list two augmentations (A1, A2), found {items.Count}");
        }

        var pair = items.Select((item, i) => ReadKnown(file, item, $"{path}[{i}]", augmentations, "augmentation")).ToList();
        return pair[0] != pair[1]
            ? pair
            : throw file.Error(items[1], $"{StrictYamlFile.Quote(path)} names {pair[0]} twice; a pair is two different augmentations");
    }

    /// <summary>The title heads the report and a line of `lavae list`: one line of at most <see cref="MaxTitleLength"/> characters.</summary>
    private static string ReadTitle(StrictYamlFile file, StrictMapping top)
    {
        var title = top.RequiredString("title");
        if (title.Length > MaxTitleLength || title.Contains('\n', StringComparison.Ordinal))
        {
            throw file.Error(top.Required("title"),
                $"'title' must be one line of at most {MaxTitleLength} characters, found {title.Length} characters{(title.Contains('\n', StringComparison.Ordinal) ? " on several lines" : "")}");
        }

        return title;
    }

    // 'pair: [A1, A2]' or 'pairs: [[A1, A2], ...]' (the listed models train on each), not both.
    private static List<IReadOnlyList<string>> ReadModelPairs(StrictYamlFile file, StrictMapping top, IReadOnlySet<string> augmentations)
    {
        if (top.Has("pair") && top.Has("pairs"))
        {
            throw file.Error(top.KeyNode("pairs"), "declare one of 'pair: [A1, A2]' or 'pairs: [[A1, A2], ...]'");
        }

        if (top.Has("pair"))
        {
            return [ReadPair(file, top.Required("pair"), "pair", augmentations)];
        }

        return top.Has("pairs") ? ReadPairs(file, top, "pairs", augmentations) : [];
    }

    // 'seed: 1' or 'seeds: [1, 2, 3]', not both.
    private static List<int> ReadSeeds(StrictYamlFile file, StrictMapping top)
    {
        if (top.Has("seed") == top.Has("seeds"))
        {
            throw file.Error(top.Has("seeds") ? top.KeyNode("seeds") : top.Node, "declare one of 'seed: N' or 'seeds: [N, ...]'");
        }

        if (top.Has("seed"))
        {
            return [top.RequiredInteger("seed")];
        }

        var node = top.Required("seeds");
        var items = file.List(node, "seeds");
        if (items.Count == 0)
        {
            throw file.Error(node, "'seeds' must list at least one seed");
        }

        var seeds = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var seed = file.Integer(items[i], $"seeds[{i}]");
            if (seeds.Contains(seed))
            {
                throw file.Error(items[i], $"seed {seed} is listed twice");
            }

            seeds.Add(seed);
        }

        return seeds;
    }

    private TransferGrid ReadTransfer(StrictYamlFile file, YamlNode node, IReadOnlySet<string> augmentations)
    {
        var transfer = file.Mapping(node, "transfer", TransferKeys);
        var composition = transfer.OptionalString("composition") ?? TransferGrid.OwnComposition;
        if (composition is not (TransferGrid.OwnComposition or TransferGrid.AuthorsComposition))
        {
            throw file.Error(transfer.Required("composition"),
                $"'transfer.composition' must be '{TransferGrid.OwnComposition}' (each head learns its composition) or '{TransferGrid.AuthorsComposition}' (as the authors' code), found '{composition}'");
        }

        var paper = transfer.OptionalString("paper");
        if (paper is not null && !baselines.TableIds.Contains(paper))
        {
            throw file.Error(transfer.Required("paper"), $"unknown paper table '{paper}' (known: {Names.List(baselines.TableIds)})");
        }

        return new TransferGrid(ReadPairs(file, transfer, "sources", augmentations), ReadPairs(file, transfer, "targets", augmentations), composition, paper);
    }

    private static List<IReadOnlyList<string>> ReadPairs(StrictYamlFile file, StrictMapping mapping, string key, IReadOnlySet<string> augmentations)
    {
        var node = mapping.Required(key);
        var items = file.List(node, mapping.PathOf(key));
        if (items.Count == 0)
        {
            throw file.Error(node, $"{StrictYamlFile.Quote(mapping.PathOf(key))} must list at least one pair");
        }

        var pairs = new List<IReadOnlyList<string>>();
        for (var i = 0; i < items.Count; i++)
        {
            var pair = ReadPair(file, items[i], $"{mapping.PathOf(key)}[{i}]", augmentations);
            if (pairs.Any(p => p.SequenceEqual(pair)))
            {
                throw file.Error(items[i], $"pair {string.Join(',', pair)} is listed twice");
            }

            pairs.Add(pair);
        }

        return pairs;
    }

    // A list of registry names, each once, each applicable to the design.
    private static List<string> ReadRegistered(
        StrictYamlFile file, StrictMapping top, string key, IReadOnlyCollection<string> known, bool required, Func<string, string?> problem)
    {
        if (top.Optional(key) is not { } node)
        {
            return required ? throw file.Error(top.Node, $"'{key}' must list what the experiment reports (known: {Names.List(known)})") : [];
        }

        var items = file.List(node, key);
        if (required && items.Count == 0)
        {
            throw file.Error(node, $"'{key}' must list at least one of: {Names.List(known)}");
        }

        var names = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var name = ReadKnown(file, items[i], $"{key}[{i}]", known, key.TrimEnd('s'));
            if (names.Contains(name, StringComparer.Ordinal))
            {
                throw file.Error(items[i], $"'{name}' is listed twice");
            }

            if (problem(name) is { } why)
            {
                throw file.Error(items[i], why);
            }

            names.Add(name);
        }

        return names;
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

    // A profile the shared file does not declare would be a typo ('smok') that silently resolves to the
    // paper's settings; without a shared file, the experiment declares its profiles itself.
    private ProfiledSettings ReadOwnSettings(StrictYamlFile file, StrictMapping top)
    {
        var own = ProfiledSettings.Read(file, top);
        if (shared is { Profiles.Count: > 0 } && top.Optional("profiles") is { } node)
        {
            foreach (var (name, keyNode, _) in file.Mapping(node, "profiles", knownKeys: null).Entries.Where(entry => !shared.Profiles.ContainsKey(entry.Key)))
            {
                throw file.Error(keyNode,
                    $"profile '{name}' is not declared in {ExperimentCatalog.ExperimentsFolder}/{SharedSettingsFile.FileName} (known: {Names.List(shared.Profiles.Keys)}); a file overrides the shared profiles only");
            }
        }

        return own;
    }

    // Every declared setting needs a value once the file's own are laid over the shared ones.
    private static SettingValues Complete(StrictYamlFile file, StrictMapping top, SettingValues settings)
    {
        var missing = Training.Setting.All.Select(setting => setting.Key).Where(key => !settings.Values.ContainsKey(key)).ToList();
        return missing.Count == 0
            ? settings
            : throw file.Error(top.Optional("settings") ?? file.Root,
                $"no value for {string.Join(", ", missing.Select(key => $"'{key}'"))}: set it under 'settings' in " +
                $"{ExperimentCatalog.ExperimentsFolder}/{SharedSettingsFile.FileName} (shared by every experiment) or in this file");
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
