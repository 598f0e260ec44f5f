using System.Collections.Concurrent;
using LaVae.Artifacts;
using LaVae.Experiments;
using LaVae.Torch;
using LaVae.Training;
using Xunit.Abstractions;

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

    /// <summary>Where training progress goes: xunit's diagnostic sink once a test case has run, which `dotnet test` prints live.</summary>
    internal static IMessageSink? Diagnostics { get; set; }

    private static RunOutcome Execute(string experimentId)
    {
        TorchRuntime.UseAllCores();
        var output = Diagnostics is { } sink ? new DiagnosticLines(sink) : Console.Out;
        var options = new RunOptions(Profile, Device, RunFolder(experimentId), RepositoryRoot.StoreFolder(Root));
        var experiment = Catalog.Find(experimentId);
        var (_, graph) = ExperimentRunner.Plan(experiment, options);
        var store = new ArtifactStore(options.StoreFolder);
        var missing = graph.Nodes.Where(node => store.StateOf(node) != ArtifactState.Done).ToList();
        output.WriteLine(missing.Count == 0
            ? $"{experimentId}: every one of its {graph.Nodes.Count} trained parts is in {store.Root}; measuring or reusing its results"
            : $"{experimentId}: training {missing.Count} of its {graph.Nodes.Count} parts first ({string.Join(", ", missing.GroupBy(n => n.Spec.Kind).Select(g => $"{g.Count()} {g.Key}"))}); "
              + "README \"Measured\" gives each experiment's time on 2 cores; `lavae run` beforehand shows the same progress");
        output.Flush();
        var runner = new ExperimentRunner(Catalog, new PlainTextProgress(output));
        try
        {
            return runner.Run(experiment, options);
        }
        finally
        {
            output.Flush();
        }
    }
}
