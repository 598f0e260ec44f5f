namespace LaVae.Experiments;

/// <summary>
/// Every experiment of a repository (<c>experiments/*.yaml</c>) and the paper baselines they refer
/// to (<c>baselines/paper/*.yaml</c>), parsed strictly: one bad file fails the whole load.
/// </summary>
public sealed class ExperimentCatalog
{
    public const string ExperimentsFolder = "experiments";
    public const string BaselinesFolder = "baselines/paper";

    private ExperimentCatalog(IReadOnlyList<Experiment> experiments, PaperBaselines baselines)
    {
        Experiments = experiments;
        Baselines = baselines;
    }

    /// <summary>Sorted by id.</summary>
    public IReadOnlyList<Experiment> Experiments { get; }

    public PaperBaselines Baselines { get; }

    /// <exception cref="ExperimentFormatException">A file does not follow the schema.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder is missing.</exception>
    public static ExperimentCatalog Load(string repoRoot, ExperimentVocabulary? vocabulary = null)
    {
        vocabulary ??= ExperimentVocabulary.Default;
        var baselines = new PaperBaselines(
            YamlFiles(repoRoot, BaselinesFolder).Select(file => PaperTableParser.Parse(file.Path, file.Text, vocabulary)));
        var parser = new ExperimentParser(vocabulary, baselines);
        var experiments = YamlFiles(repoRoot, ExperimentsFolder).Select(file => parser.Parse(file.Path, file.Text)).ToList();
        return new ExperimentCatalog(experiments, baselines);
    }

    /// <exception cref="KeyNotFoundException">No experiment has this id.</exception>
    public Experiment Find(string id) =>
        Experiments.FirstOrDefault(experiment => experiment.Id == id)
        ?? throw new KeyNotFoundException($"no experiment '{id}' (known: {Names.List(Experiments.Select(experiment => experiment.Id))})");

    // Paths are returned relative to the repository root, as messages show them. A '.yml' file
    // would otherwise be silently skipped, so it is an error.
    private static IEnumerable<(string Path, string Text)> YamlFiles(string repoRoot, string folder)
    {
        var directory = Path.Combine(repoRoot, folder);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"'{folder}' not found under {repoRoot}");
        }

        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(repoRoot, file).Replace('\\', '/');
            if (file.EndsWith(".yml", StringComparison.Ordinal))
            {
                throw new ExperimentFormatException(new SourceLocation(relative, 1, 1), "use the '.yaml' extension, which the catalog loads");
            }

            if (file.EndsWith(".yaml", StringComparison.Ordinal))
            {
                yield return (relative, File.ReadAllText(file));
            }
        }
    }
}
