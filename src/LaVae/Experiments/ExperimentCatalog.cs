namespace LaVae.Experiments;

/// <summary>
/// Every experiment of a repository (<c>experiments/*.yaml</c>), the settings and profiles they share
/// (<c>experiments/settings.yaml</c>) and the paper baselines they refer to (<c>baselines/paper/*.yaml</c>),
/// parsed strictly: by <see cref="Load"/>, one bad file fails the whole load; by <see cref="LoadEach"/>,
/// a bad experiment file is set apart in <see cref="Broken"/> (the shared files still fail the load).
/// </summary>
public sealed class ExperimentCatalog
{
    public const string ExperimentsFolder = "experiments";
    public const string BaselinesFolder = "baselines/paper";

    private ExperimentCatalog(
        IReadOnlyList<Experiment> experiments, PaperBaselines baselines, ProfiledSettings shared, IReadOnlyDictionary<string, ExperimentFormatException> broken)
    {
        Experiments = experiments;
        Baselines = baselines;
        Shared = shared;
        BrokenFiles = broken;
        Broken = [.. broken.Values];
    }

    /// <summary>Sorted by id.</summary>
    public IReadOnlyList<Experiment> Experiments { get; }

    public PaperBaselines Baselines { get; }

    /// <summary>The settings and profiles of <c>experiments/settings.yaml</c> (none when the file is absent).</summary>
    internal ProfiledSettings Shared { get; }

    /// <summary>The experiment files <see cref="LoadEach"/> could not parse, each error naming its file and position; empty after <see cref="Load"/>.</summary>
    public IReadOnlyList<ExperimentFormatException> Broken { get; }

    /// <summary>
    /// <see cref="Broken"/> by the experiment file each error stops (relative to the repository root): an
    /// error may sit in another file, as a shared value that one experiment cannot use.
    /// </summary>
    public IReadOnlyDictionary<string, ExperimentFormatException> BrokenFiles { get; }

    /// <exception cref="ExperimentFormatException">A file does not follow the schema.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder is missing.</exception>
    public static ExperimentCatalog Load(string repoRoot, ExperimentVocabulary? vocabulary = null) => Load(repoRoot, vocabulary, setBrokenApart: false);

    /// <summary>
    /// As <see cref="Load"/>, except that an experiment file that does not follow the schema lands in
    /// <see cref="Broken"/> instead of failing the load: one typo must not stop `lavae list` or the run of
    /// every other experiment. The baselines are shared by all, so a bad baseline still fails the load.
    /// </summary>
    public static ExperimentCatalog LoadEach(string repoRoot) => Load(repoRoot, null, setBrokenApart: true);

    private static ExperimentCatalog Load(string repoRoot, ExperimentVocabulary? vocabulary, bool setBrokenApart)
    {
        vocabulary ??= ExperimentVocabulary.Default;
        var baselines = new PaperBaselines(
            YamlFiles(repoRoot, BaselinesFolder).Select(file => PaperTableParser.Parse(file.Path, file.Text(), vocabulary)));
        var files = YamlFiles(repoRoot, ExperimentsFolder).ToList();
        // Enumerating files skips a folder of that name, which would read as "no shared file": every
        // experiment would then fail for settings it does not declare, far from the cause.
        if (Directory.Exists(Path.Combine(repoRoot, ExperimentsFolder, SharedSettingsFile.FileName)))
        {
            throw new IOException($"{ExperimentsFolder}/{SharedSettingsFile.FileName} is a folder; it must be the file of the settings and profiles every experiment shares (or be absent)");
        }

        var sharedFile = files.FirstOrDefault(file => Path.GetFileName(file.Path) == SharedSettingsFile.FileName);
        var shared = sharedFile.Path is null ? ProfiledSettings.None : SharedSettingsFile.Parse(sharedFile.Path, sharedFile.Text());
        var parser = new ExperimentParser(vocabulary, baselines, shared);
        var experiments = new List<Experiment>();
        var broken = new Dictionary<string, ExperimentFormatException>(StringComparer.Ordinal);
        foreach (var file in files.Where(file => file != sharedFile))
        {
            try
            {
                experiments.Add(parser.Parse(file.Path, file.Text()));
            }
            catch (ExperimentFormatException e) when (setBrokenApart)
            {
                // A shared value this experiment cannot use is reported where it is written, naming the experiment it stops.
                broken.Add(file.Path, e.Location.File == file.Path ? e : new ExperimentFormatException(e.Location, $"{e.Problem} (for {file.Path})"));
            }
            catch (Exception e) when (setBrokenApart && e is IOException or UnauthorizedAccessException)
            {
                broken.Add(file.Path, new ExperimentFormatException(new SourceLocation(file.Path, 1, 1), $"cannot be read: {e.Message}"));
            }
        }

        return new ExperimentCatalog(experiments, baselines, shared, broken);
    }

    /// <exception cref="KeyNotFoundException">No experiment has this id.</exception>
    public Experiment Find(string id) =>
        Experiments.FirstOrDefault(experiment => experiment.Id == id)
        ?? throw new KeyNotFoundException($"no experiment '{id}' (known: {Names.List(Experiments.Select(experiment => experiment.Id))})");

    // Paths are returned relative to the repository root, as messages show them; a file is read when
    // its text is asked for, so a '.yml' file (which would otherwise be silently skipped) is an error of
    // that file alone.
    private static IEnumerable<(string Path, Func<string> Text)> YamlFiles(string repoRoot, string folder)
    {
        var directory = Path.Combine(repoRoot, folder);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"'{folder}' not found under {repoRoot}");
        }

        // A folder named like a file would otherwise be skipped without a word: an error of that name alone.
        var entries = Directory.EnumerateFiles(directory)
            .Concat(Directory.EnumerateDirectories(directory).Where(path => path.EndsWith(".yaml", StringComparison.Ordinal)));
        foreach (var file in entries.Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(repoRoot, file).Replace('\\', '/');
            if (Directory.Exists(file))
            {
                yield return (relative, () => throw new ExperimentFormatException(new SourceLocation(relative, 1, 1), "is a folder; an experiment is a file"));
                continue;
            }

            if (file.EndsWith(".yml", StringComparison.Ordinal))
            {
                yield return (relative, () => throw new ExperimentFormatException(new SourceLocation(relative, 1, 1), "use the '.yaml' extension, which the catalog loads"));
            }

            if (file.EndsWith(".yaml", StringComparison.Ordinal))
            {
                yield return (relative, () => File.ReadAllText(file));
            }
        }
    }
}
