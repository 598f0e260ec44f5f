using System.CommandLine;
using LaVae.Data;
using LaVae.Experiments;
using LaVae.Torch;
using LaVae.DataFetching;

namespace LaVae.Cli.Commands;

/// <summary>Options every engine-running command shares, and the engine setup they imply.</summary>
internal static class CommonOptions
{
    public static Option<string> Device() => new("--device")
    {
        Description = "cpu, cuda or cuda:N.",
        DefaultValueFactory = _ => "cpu",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = $"libtorch intra-op threads, 1 to {MaxThreads} (0: one per core).",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>More threads than 4 per core only oversubscribe the machine (100,000 froze it).</summary>
    public static int MaxThreads => 4 * Environment.ProcessorCount;

    /// <summary>The value if within [min, max], else a one-line error naming the option.</summary>
    public static int InRange(int value, string option, int min, int max) =>
        value >= min && value <= max
            ? value
            : throw new UserInputException(max == int.MaxValue
                ? $"{option} must be at least {min}, found {value}"
                : $"{option} must be between {min} and {max}, found {value}");

    public static Option<string?> Store() => new("--store")
    {
        Description = "The artifact store trained parts are shared in (default: $LAVAE_STORE, then runs/artifacts).",
    };

    /// <summary>
    /// A path option's value as typed; an empty one (<c>--out ""</c>, an unset shell variable) is refused
    /// here by name, where .NET would otherwise fail deep inside with a stack trace.
    /// </summary>
    /// <summary>
    /// The data folder a command passes on: the option, else null when LAVAE_DATA or the user's cache
    /// folder will do. A LAVAE_DATA of blanks, or no home to put ~/.cache/lavae in (a service account
    /// without HOME), is refused here: the dataset store would otherwise make a relative folder, inside
    /// whatever folder the command runs in.
    /// </summary>
    public static string? DataFolder(string? option)
    {
        if (NonEmptyPath(option, "--data") is { } folder)
        {
            return folder;
        }

        if (Environment.GetEnvironmentVariable(DatasetStore.DataFolderVariable) is { } data)
        {
            return data.Length > 0 && string.IsNullOrWhiteSpace(data)
                ? throw new UserInputException($"{DatasetStore.DataFolderVariable}: '{data}' is not a path; name a folder, or unset {DatasetStore.DataFolderVariable}")
                : null;
        }

        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 })
        {
            return null;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.IsPathFullyQualified(home)
            ? null
            : throw new UserInputException($"no data folder: HOME is not set, so ~/.cache/lavae has no place; pass --data DIR or set {DatasetStore.DataFolderVariable}");
    }

    /// <summary>The artifact store: the option, else LAVAE_STORE (refused when it is blanks, as the option is), else the repository's runs/artifacts.</summary>
    public static string StoreFolder(string? option, string root)
    {
        if (NonEmptyPath(option, "--store") is { } folder)
        {
            return folder;
        }

        var store = Environment.GetEnvironmentVariable(RepositoryRoot.StoreVariable);
        return store is { Length: > 0 } && string.IsNullOrWhiteSpace(store)
            ? throw new UserInputException($"{RepositoryRoot.StoreVariable}: '{store}' is not a path; name a folder, or unset {RepositoryRoot.StoreVariable}")
            : RepositoryRoot.StoreFolder(root);
    }

    public static string? NonEmptyPath(string? value, string option) =>
        value is not null && string.IsNullOrWhiteSpace(value)
            ? throw new UserInputException($"{option}: '{value}' is not a path; name a folder or file, or leave {option} out")
            : value;

    /// <summary>
    /// Refuses an output folder that is the artifact store or inside it: the run locks its output folder,
    /// and training then waits for the lock of the artifact folder it must write, held by the run itself.
    /// </summary>
    public static void RequireOutsideStore(string output, string store)
    {
        if (IsWithin(output, store))
        {
            throw new UserInputException(
                $"--out {output}: it is inside the artifact store {Path.GetFullPath(store)}, whose folders the run's own training locks; choose a folder outside it");
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies under it, with '..' resolved.</summary>
    public static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return !(relative == ".." || relative.StartsWith($"..{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    /// <summary>
    /// A <c>--level</c> the experiments' graph has: a deeper one would train nothing and report success.
    /// </summary>
    public static int? RequireLevel(int? level, IEnumerable<Experiment> experiments, RunOptions options)
    {
        if (level is not { } depth)
        {
            return null;
        }

        var graph = new Artifacts.ArtifactGraph(ExperimentRunner.Environment(options.Device));
        foreach (var experiment in experiments)
        {
            ExperimentRunner.Plan(experiment, options, graph);
        }

        return InRange(depth, "--level", 0, graph.Nodes.Select(node => node.Level).DefaultIfEmpty(0).Max());
    }

    /// <summary>The share "i/n" of an option, e.g. <c>--shard 2/4</c>.</summary>
    public static Shard ParseShard(string text, string option)
    {
        try
        {
            return Shard.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"{option}: {e.Message}", e);
        }
    }

    /// <summary>The <c>--set key=value</c> settings, checked as a settings block checks them.</summary>
    public static IReadOnlyDictionary<string, double> ParseOverrides(IEnumerable<string> assignments)
    {
        try
        {
            return SettingOverrides.Parse(assignments);
        }
        catch (FormatException e)
        {
            throw new UserInputException(e.Message, e);
        }
    }

    /// <summary>
    /// The run folder's name under runs/&lt;experiment&gt;/: the profile, and with <c>--set</c> the settings
    /// given (so an overridden run does not replace the profile's results the tests read).
    /// </summary>
    public static string RunFolderName(string profile, IReadOnlyDictionary<string, double> overrides) => overrides.Count == 0
        ? profile
        : $"{profile}-set-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(';', overrides.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")))))[..8]}";

    /// <summary>A dataset by the name the command line uses (mnist, fashion-mnist).</summary>
    public static DatasetName ParseDataset(string text, string what) =>
        Enum.GetValues<DatasetName>().Select(name => (DatasetName?)name).FirstOrDefault(name => name!.Value.FolderName() == text)
            ?? throw new UserInputException($"{what} '{text}' is not a dataset LaVae knows (known: {string.Join(", ", Enum.GetValues<DatasetName>().Select(DatasetNames.FolderName))})");

    /// <summary>A profile the experiment declares, else a one-line error listing those it does.</summary>
    public static string RequireProfile(Experiment experiment, string profile) =>
        experiment.Profiles.Contains(profile, StringComparer.Ordinal)
            ? profile
            : throw new UserInputException($"--profile '{profile}': {experiment.SourcePath} has no such profile (known: {string.Join(", ", experiment.Profiles)})");

    /// <summary>The repository, its experiments, and the experiment named by a YAML path or an id.</summary>
    public static (string Root, ExperimentCatalog Catalog, Experiment Experiment) FindExperiment(string target)
    {
        var looksLikeFile = target.EndsWith(".yaml", StringComparison.Ordinal) || target.Contains('/', StringComparison.Ordinal);
        if (Directory.Exists(target))
        {
            throw new UserInputException($"{target} is a folder; name one experiment file in it (`lavae list --files` lists them) or an experiment id");
        }

        if (looksLikeFile && !File.Exists(target))
        {
            throw new FileNotFoundException($"{target} not found");
        }

        var root = RepositoryRoot.Find(File.Exists(target) ? target : Directory.GetCurrentDirectory());
        var catalog = ExperimentCatalog.LoadEach(root);
        // Another file's mistake does not stop this experiment; this file's own mistake does.
        var own = catalog.BrokenFiles.FirstOrDefault(broken => File.Exists(target)
            ? Path.GetFullPath(Path.Combine(root, broken.Key)) == Path.GetFullPath(target)
            : Path.GetFileNameWithoutExtension(broken.Key) == target).Value;
        if (own is not null)
        {
            throw own;
        }

        if (File.Exists(target) && Path.GetFullPath(target) == Path.GetFullPath(Path.Combine(root, ExperimentCatalog.ExperimentsFolder, SharedSettingsFile.FileName)))
        {
            throw new UserInputException($"{target} holds the settings and profiles every experiment shares; it is not an experiment (`lavae list` names them)");
        }

        var experiment = File.Exists(target)
            ? catalog.Experiments.FirstOrDefault(e => Path.GetFullPath(Path.Combine(root, e.SourcePath)) == Path.GetFullPath(target))
                ?? throw new UserInputException($"{target} is not one of {Path.Combine(root, ExperimentCatalog.ExperimentsFolder)}/*.yaml; experiments live there")
            : catalog.Experiments.FirstOrDefault(e => e.Id == target)
                ?? throw new UserInputException($"no experiment '{target}' (known: {string.Join(", ", catalog.Experiments.Select(e => e.Id))})");
        return (root, catalog, experiment);
    }

    /// <summary>Parses the device, checks it exists and sets threads.</summary>
    public static Device Setup(string device, int threads)
    {
        Device dev;
        try
        {
            dev = TorchRuntime.ParseDevice(device);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"--device: {e.Message}", e);
        }

        try
        {
            TorchRuntime.RequireDevice(dev);
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException($"--device {device}: {e.Message}", e);
        }

        InRange(threads, "--threads", 0, MaxThreads);
        if (threads > 0)
        {
            TorchRuntime.Threads = threads;
        }
        else
        {
            TorchRuntime.UseAllCores();
        }

        return dev;
    }
}
