using System.Collections.Concurrent;
using LaVae.Experiments;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Reproduction;

/// <summary>
/// Runs each experiment at most once per test process, in the profile named by LAVAE_PROFILE
/// (default smoke), into runs/&lt;experiment&gt;/&lt;profile&gt; — the folder `lavae run` uses, so a
/// run already there with the same key is reused and a second `dotnet test` only re-judges claims.
/// </summary>
public static class ReproductionRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<RunOutcome>> Runs = new();
    private static readonly Lazy<ExperimentCatalog> LazyCatalog = new(() => ExperimentCatalog.Load(Root));

    public static string Root => RepositoryRoot.Find(AppContext.BaseDirectory);

    public static string Profile => Environment.GetEnvironmentVariable("LAVAE_PROFILE") is { Length: > 0 } profile ? profile : "smoke";

    public static Device Device => Environment.GetEnvironmentVariable("LAVAE_DEVICE") is { Length: > 0 } device ? TorchRuntime.ParseDevice(device) : CPU;

    public static ExperimentCatalog Catalog => LazyCatalog.Value;

    public static string RunFolder(string experimentId) => RepositoryRoot.RunFolder(Root, experimentId, Profile);

    public static RunOutcome Get(string experimentId) =>
        Runs.GetOrAdd(experimentId, id => new Lazy<RunOutcome>(() => Execute(id))).Value;

    private static RunOutcome Execute(string experimentId)
    {
        TorchRuntime.UseAllCores();
        var runner = new ExperimentRunner(Catalog, new PlainTextProgress(Console.Out));
        return runner.Run(Catalog.Find(experimentId), new RunOptions(Profile, Device, RunFolder(experimentId), RepositoryRoot.StoreFolder(Root)));
    }
}
