using System.Diagnostics;
using LaVae.Artifacts;
using LaVae.Data;
using LaVae.Figures;
using LaVae.IO;
using LaVae.Measures;
using LaVae.Reports;
using LaVae.Torch;
using LaVae.Training;
using LaVae.DataFetching;

namespace LaVae.Experiments;

/// <summary>What a run produced and where.</summary>
public sealed record RunOutcome(RunResults Results, string ResultsPath, ReportFiles Report, bool Reused);

/// <summary>
/// Runs one experiment: plans the trained parts its measures need (one graph over all seeds), obtains
/// them from the shared artifact store (training what is missing, resuming what is partial), measures
/// every seed, draws the figures, judges the claims and writes results.json and the report. When
/// results.json already holds a run with the same key (nothing that affects the numbers changed), it
/// only re-judges the claims.
/// </summary>
public sealed class ExperimentRunner(ExperimentCatalog catalog, ITrainingProgress progress, IProgress<DataProgress>? dataProgress = null)
{
    /// <summary>
    /// The graph of trained parts <paramref name="experiment"/> needs under the options' profile and
    /// device, added to <paramref name="graph"/> when given (so several experiments plan one graph).
    /// </summary>
    public static (ResolvedExperiment Resolved, ArtifactGraph Graph) Plan(Experiment experiment, RunOptions options, ArtifactGraph? graph = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(options);
        var resolved = experiment.Resolve(options.Profile, options.Overrides);
        graph ??= new ArtifactGraph(Environment(options.Device));
        foreach (var seed in resolved.Run.Seeds)
        {
            foreach (var (_, design) in resolved.Run.Design().Measured)
            {
                foreach (var measure in resolved.Run.Measures)
                {
                    foreach (var spec in MeasureRegistry.Get(measure).Needs(design, seed))
                    {
                        graph.Add(spec);
                    }
                }
            }
        }

        return (resolved, graph);
    }

    public RunOutcome Run(Experiment experiment, RunOptions options)
    {
        var (resolved, graph) = Plan(experiment, options);
        TorchRuntime.RequireDevice(options.Device);
        var key = RunKey.Compute(resolved.Run, Environment(options.Device), graph.Nodes.Select(node => node.Key));
        WritableFolder.Require(options.OutputFolder, "output folder");
        using var folderLock = OutputLock.Acquire(options.OutputFolder);

        var resultsPath = Path.Combine(options.OutputFolder, ResultsFile.FileName);
        // Reuse needs the same key and every figure still on disk, including those new snapshots ask
        // for; otherwise measure again, which after a finished run only loads the trained parts.
        string? notice = null;
        var stored = options.Force ? null : ResultsFile.ReadOrSetAside(resultsPath, out notice);
        if (notice is not null)
        {
            progress.Notice(notice);
        }

        var reused = stored?.RunKey == key.Value && FiguresPresent(stored, resolved, options.OutputFolder);
        var measurements = reused ? stored!.Measurements : Measure(resolved, graph, options);
        var results = RunResults.FromMeasurements(resolved, key, measurements, catalog.Baselines);
        ResultsFile.Write(resultsPath, results);
        var report = ReportWriter.Write(options.OutputFolder, [resultsPath]);
        return new RunOutcome(results, resultsPath, report, reused);
    }

    /// <summary>
    /// Trains the parts of the experiments' joint graph that fall to share <paramref name="shard"/>
    /// (optionally of one graph level only), so several processes sharing a store, or CI jobs passing it
    /// on level by level, finish one graph. A head whose latent space is another share's waits for it to
    /// be done (with a level given, it must already be). Returns how many parts are still not done.
    /// </summary>
    public int TrainShare(IReadOnlyList<Experiment> experiments, RunOptions options, Shard shard, int? level = null)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(shard);
        var graph = new ArtifactGraph(Environment(options.Device));
        foreach (var experiment in experiments)
        {
            Plan(experiment, options, graph);
        }

        TorchRuntime.RequireDevice(options.Device);
        var store = new ArtifactStore(options.StoreFolder);
        using var sets = new TrainingSets(DatasetStore.Open(options.DataFolder, dataProgress), options.Device);
        using var artifacts = Provider(store, graph, options, sets);
        if (shard.IsAny)
        {
            TrainWhatIsUnclaimed(graph.Nodes.Where(n => level is null || n.Level == level).ToList(), store, artifacts);
            return graph.Nodes.Count(node => store.StateOf(node) != ArtifactState.Done);
        }

        foreach (var node in graph.Nodes.Where(n => graph.ShardOf(n, shard.Count) == shard.Index && (level is null || n.Level == level)))
        {
            if (node.Source is { } source && store.StateOf(source) != ArtifactState.Done && graph.ShardOf(source, shard.Count) != shard.Index)
            {
                if (level is not null)
                {
                    throw new ArtifactMissingException($"{source} (level {source.Level}) is not done in {store.Root}: train level {source.Level} first");
                }

                WaitUntilDone(store, source);
            }

            artifacts.Get(node);
        }

        return graph.Nodes.Count(node => store.StateOf(node) != ArtifactState.Done);
    }

    /// <summary>The parts of the environment that change the numbers a run measures.</summary>
    public static string Environment(Device device) => $"device={device};threads={TorchRuntime.Threads};libtorch={TorchRuntime.Version}";

    private RunMeasurements Measure(ResolvedExperiment resolved, ArtifactGraph graph, RunOptions options)
    {
        var run = resolved.Run;
        var design = run.Design();
        var timings = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var store = new ArtifactStore(options.StoreFolder);
        using var sets = new TrainingSets(DatasetStore.Open(options.DataFolder, dataProgress), options.Device);
        using var artifacts = Provider(store, graph, options, sets);
        foreach (var node in graph.Nodes)
        {
            artifacts.Get(node);
        }

        var curves = graph.Nodes.Select(store.CurvesOf).ToList();
        timings["train"] = Lap(watch);
        var perSeed = new List<IReadOnlyDictionary<string, double>>();
        foreach (var seed in run.Seeds)
        {
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (prefix, measured) in design.Measured)
            {
                foreach (var measure in run.Measures)
                {
                    foreach (var (name, value) in MeasureRegistry.Get(measure).Measure(measured, seed, artifacts))
                    {
                        metrics[prefix + name] = value;
                    }
                }
            }

            foreach (var rung in design.Budgets)
            {
                metrics[rung.ImagesSeenMetric] = rung.ImagesSeen;
            }

            perSeed.Add(metrics);
        }

        timings["measure"] = Lap(watch);
        var mean = RunMeasurements.Mean(perSeed);
        var figures = new List<string>();
        var context = new FigureContext(design, run.Seeds[0], artifacts, mean, reference => PaperValue(reference), Grids(resolved), options.OutputFolder)
        {
            PerSeed = perSeed,
        };
        foreach (var figure in run.Figures)
        {
            figures.AddRange(FigureRegistry.Get(figure).Render(context));
        }

        figures.AddRange(TrainingCurvesFigure.Render(curves, options.OutputFolder));

        timings["figures"] = Lap(watch);
        var versions = new Dictionary<string, string>
        {
            ["lavae"] = typeof(ExperimentRunner).Assembly.GetName().Version?.ToString() ?? "unknown",
            ["training code"] = CodeVersion.Training[..12],
            ["library code"] = CodeVersion.Library[..12],
            ["libtorch"] = TorchRuntime.Version,
            ["dotnet"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        };
        var device = $"{options.Device} ({TorchRuntime.Threads} threads)";
        var values = mean.Keys.ToDictionary(metric => metric, metric => (IReadOnlyList<double>)perSeed.Select(seed => seed[metric]).ToList(), StringComparer.Ordinal);
        return new RunMeasurements(device, versions, timings, mean, figures, run.Seeds, values, curves);
    }

    private ArtifactProvider Provider(ArtifactStore store, ArtifactGraph graph, RunOptions options, TrainingSets sets) =>
        new(store, graph, Environment(options.Device), options.Device, progress, sets, progress.Notice);

    private double? PaperValue(string reference) => catalog.Baselines.TryFind(reference, out var value) ? value.Value : null;

    private static IReadOnlyDictionary<string, IReadOnlyList<(string Name, int Digits)>> Grids(ResolvedExperiment resolved) =>
        resolved.Snapshots.GroupBy(snapshot => snapshot.Model, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<(string, int)>)group.Select(s => (s.Name, s.Digits)).ToList(), StringComparer.Ordinal);

    private static bool FiguresPresent(RunResults stored, ResolvedExperiment resolved, string outputFolder) =>
        stored.Measurements.Figures.All(figure => File.Exists(Path.Combine(outputFolder, figure)))
        && resolved.Snapshots.All(snapshot => stored.Measurements.Figures.Contains(FigureContext.PathOf($"{snapshot.Name}.png")));

    /// <summary>
    /// Trains, one at a time, the first part in graph order that is not done, whose source is done and
    /// that no other process has claimed, until none is left: processes started side by side on one
    /// store each take the next free part, so they stay busy until the graph is done, whatever the
    /// parts cost. A part whose source another process is still training waits its turn.
    /// </summary>
    private void TrainWhatIsUnclaimed(IReadOnlyList<ArtifactNode> nodes, ArtifactStore store, ArtifactProvider artifacts)
    {
        // A part once done stays done: remember it rather than verify its checkpoint again on every pass.
        var done = new HashSet<string>(StringComparer.Ordinal);
        bool IsDone(ArtifactNode node) => done.Contains(node.Key) || (store.StateOf(node) == ArtifactState.Done && done.Add(node.Key));
        var pending = nodes.Where(node => !IsDone(node)).ToList();
        var waiting = false;
        while (pending.Count > 0)
        {
            pending.RemoveAll(IsDone);
            var trained = false;
            foreach (var node in pending.Where(node => node.Source is null || IsDone(node.Source)))
            {
                using var claim = store.TryClaim(node);
                if (claim is null || store.StateOf(node) == ArtifactState.Done)
                {
                    continue;
                }

                artifacts.Get(node);
                pending.Remove(node);
                trained = true;
                waiting = false;
                break;
            }

            if (!trained && pending.Count > 0)
            {
                if (!waiting)
                {
                    progress.Notice($"{pending.Count} part(s) left, each claimed by another process or waiting for its source; waiting in {store.Root}");
                    waiting = true;
                }

                Thread.Sleep(ArtifactStore.PollInterval);
            }
        }
    }

    private void WaitUntilDone(ArtifactStore store, ArtifactNode node)
    {
        progress.Notice($"waiting for {node}, another share's, to be trained in {store.Root}");
        while (store.StateOf(node) != ArtifactState.Done)
        {
            Thread.Sleep(ArtifactStore.PollInterval);
        }
    }

    private static double Lap(Stopwatch watch)
    {
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return seconds;
    }
}
