using System.CommandLine;
using LaVae.Experiments;
using LaVae.Torch;

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
            : throw new ArgumentException(max == int.MaxValue
                ? $"{option} must be at least {min}, found {value}"
                : $"{option} must be between {min} and {max}, found {value}");

    public static Option<string?> Store() => new("--store")
    {
        Description = "The artifact store trained parts are shared in (default: $LAVAE_STORE, then runs/artifacts).",
    };

    /// <summary>The repository, its experiments, and the experiment named by a YAML path or an id.</summary>
    public static (string Root, ExperimentCatalog Catalog, Experiment Experiment) FindExperiment(string target)
    {
        var looksLikeFile = target.EndsWith(".yaml", StringComparison.Ordinal) || target.Contains('/', StringComparison.Ordinal);
        if (looksLikeFile && !File.Exists(target))
        {
            throw new FileNotFoundException($"{target} not found");
        }

        var root = RepositoryRoot.Find(File.Exists(target) ? target : Directory.GetCurrentDirectory());
        var catalog = ExperimentCatalog.Load(root);
        var experiment = File.Exists(target)
            ? catalog.Experiments.FirstOrDefault(e => Path.GetFullPath(Path.Combine(root, e.SourcePath)) == Path.GetFullPath(target))
                ?? throw new ArgumentException($"{target} is not one of {Path.Combine(root, ExperimentCatalog.ExperimentsFolder)}/*.yaml; experiments live there")
            : catalog.Find(target);
        return (root, catalog, experiment);
    }

    /// <summary>Parses the device, checks it exists, sets threads and warns about a slow BLAS.</summary>
    public static Device Setup(string device, int threads)
    {
        var dev = LaVae.Torch.Device.Parse(device);
        Engine.RequireDevice(dev);
        InRange(threads, "--threads", 0, MaxThreads);
        if (threads > 0)
        {
            Engine.Threads = threads;
        }
        else
        {
            Engine.UseAllCores();
        }

        if (Blas.SlowBlasWarning() is { } warning)
        {
            Console.Error.WriteLine(warning);
        }

        return dev;
    }
}
