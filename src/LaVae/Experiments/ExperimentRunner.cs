using System.Diagnostics;
using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.IO;
using LaVae.Models;
using LaVae.Reports;
using LaVae.Reports.Images;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Experiments;

/// <summary>What a run produced and where.</summary>
public sealed record RunOutcome(RunResults Results, string ResultsPath, ReportFiles Report, bool Reused);

/// <summary>
/// Runs one experiment: loads the data, builds the pair's aligned sets, trains every model it
/// names (resuming from checkpoints), measures Table I's columns, renders the figures, judges the
/// claims and writes results.json and the report. When results.json already holds a run with the
/// same key (nothing that affects the numbers changed), it only re-judges the claims.
/// </summary>
public sealed class ExperimentRunner(ExperimentCatalog catalog, ITrainingProgress progress, IProgress<DataProgress>? dataProgress = null)
{
    public const string FiguresFolder = "figures";
    public const string CheckpointsFolder = "checkpoints";

    /// <summary>Digits shown in a reconstruction figure when no snapshot says otherwise.</summary>
    public const int DefaultFigureDigits = 8;

    public RunOutcome Run(Experiment experiment, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(options);
        var resolved = experiment.Resolve(options.Profile);
        Engine.RequireDevice(options.Device);
        var key = RunKey.Compute(resolved.Run, Environment(options.Device));
        Directory.CreateDirectory(options.OutputFolder);
        using var folderLock = OutputLock.Acquire(options.OutputFolder);

        var resultsPath = Path.Combine(options.OutputFolder, ResultsFile.FileName);
        // Reuse needs the same key and every figure the snapshots now ask for; otherwise measure again,
        // which after a finished run only reloads the completed checkpoints and evaluates.
        var stored = !options.Force && File.Exists(resultsPath) ? ResultsFile.Read(resultsPath) : null;
        var reused = stored?.RunKey == key.Value
            && FigureNames(resolved).All(name => File.Exists(Path.Combine(options.OutputFolder, FigurePath(name))));
        var measurements = reused ? stored!.Measurements : Measure(resolved, key, options);
        var results = RunResults.FromMeasurements(resolved, key, measurements, catalog.Baselines);
        ResultsFile.Write(resultsPath, results);
        var report = ReportWriter.Write(options.OutputFolder, [resultsPath]);
        return new RunOutcome(results, resultsPath, report, reused);
    }

    /// <summary>The parts of the environment that change the numbers a run measures.</summary>
    public static string Environment(Device device) => $"device={device};threads={Engine.Threads};libtorch={Engine.TorchVersion}";

    private RunMeasurements Measure(ResolvedExperiment resolved, RunKey key, RunOptions options)
    {
        var run = resolved.Run;
        var settings = run.Settings;
        var timings = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var store = DatasetStore.Open(options.DataFolder, dataProgress);
        var dataset = DatasetNames.Parse(run.Dataset);
        using var train = BuildSets(store.Load(dataset, Split.Train), settings.TrainImages, run, options.Device, "train");
        using var test = BuildSets(store.Load(dataset, Split.Test), settings.TestImages, run, options.Device, "test");
        timings["data"] = Lap(watch);

        var checkpoints = CheckpointFolder.Prepare(options.OutputFolder, key);
        var context = new TrainingContext((ulong)run.Seed, options.Device, progress, settings.CheckpointEvery);
        var trainers = new ModelTrainers(settings, context, key.Value);
        var metrics = new Dictionary<string, double>();
        var figures = new List<string>();
        foreach (var kind in run.Models)
        {
            var checkpoint = Path.Combine(checkpoints, $"{kind}.safetensors");
            using var model = Train(trainers, kind, train, run.Pair, checkpoint, out var columns);
            timings[$"train.{kind}"] = Lap(watch);
            foreach (var (name, value) in ReconstructionErrors.Measure(test, columns))
            {
                metrics[$"{kind}.{name}"] = value;
            }

            figures.AddRange(RenderFigures(resolved, kind, test, columns, options.OutputFolder));
            timings[$"evaluate.{kind}"] = Lap(watch);
        }

        var versions = new Dictionary<string, string>
        {
            ["lavae"] = typeof(ExperimentRunner).Assembly.GetName().Version?.ToString() ?? "unknown",
            ["libtorch"] = Engine.TorchVersion,
            ["dotnet"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ["blas"] = Blas.LoadedLibrary() ?? "not mapped",
        };
        var device = $"{options.Device} ({Engine.Threads} threads)";
        return new RunMeasurements(device, versions, timings, metrics, figures);
    }

    private static Torch.Modules.Module Train(ModelTrainers trainers, string kind, AlignedSets train, IReadOnlyList<string> pair, string checkpoint,
        out IReadOnlyList<ErrorColumn> columns)
    {
        switch (kind)
        {
            case "lavae":
                var lavae = trainers.TrainLavae(kind, train, pair, checkpoint);
                columns = TableOneColumns.ForLavae(lavae);
                return lavae;
            case "cvae_trad":
            case "cvae_auginv":
                var cvae = trainers.TrainCvae(kind, train, augmentationInvariant: kind == "cvae_auginv", checkpoint);
                columns = TableOneColumns.ForCvae(cvae);
                return cvae;
            case "vae":
                var vae = trainers.TrainPlainVae(kind, train, checkpoint);
                columns = TableOneColumns.ForPlainVae(vae);
                return vae;
            default:
                throw new ArgumentException($"no trainer for model kind '{kind}'", nameof(kind));
        }
    }

    /// <summary>Relative path of a figure, '/'-separated as results.json lists them.</summary>
    public static string FigurePath(string name) => $"{FiguresFolder}/{name}.png";

    /// <summary>Every figure a run of <paramref name="resolved"/> renders.</summary>
    private static IEnumerable<string> FigureNames(ResolvedExperiment resolved) =>
        resolved.Run.Models.SelectMany(kind => FiguresOf(resolved, kind)).Select(figure => figure.Name);

    /// <summary>One reconstruction grid per snapshot of the model, or a default one when it has none.</summary>
    private static IReadOnlyList<(string Name, int Digits)> FiguresOf(ResolvedExperiment resolved, string kind)
    {
        var wanted = resolved.Snapshots.Where(s => s.Model == kind).Select(s => (s.Name, s.Digits)).ToList();
        return wanted.Count > 0 ? wanted : [($"{kind}-reconstructions", DefaultFigureDigits)];
    }

    private static IEnumerable<string> RenderFigures(ResolvedExperiment resolved, string kind, AlignedSets test, IReadOnlyList<ErrorColumn> columns, string outputFolder)
    {
        foreach (var (name, digits) in FiguresOf(resolved, kind))
        {
            PngWriter.Write(Path.Combine(outputFolder, FigurePath(name)), ReconstructionGrid.Render(test, columns, (int)Math.Min(digits, test.Count)));
            yield return FigurePath(name);
        }
    }

    /// <summary>The first <paramref name="count"/> images of a split, on the device, and the pair's four aligned sets of them.</summary>
    private static AlignedSets BuildSets(DatasetSplit split, int count, RunDefinition run, Device device, string splitName)
    {
        if (count > split.Count)
        {
            throw new ArgumentException($"the experiment asks for {count} {splitName} images but {split.Dataset} has {split.Count}");
        }

        var pixels = split.Images.Pixels.AsSpan(0, count * split.Images.PixelsPerImage);
        var originals = Tensor.From<byte>(pixels, [count, split.Images.Rows, split.Images.Cols], device).DetachFromScope();
        var pair = AugmentationRegistry.Pair(run.Pair[0], run.Pair[1]);
        using var scope = Engine.NewDisposeScope();
        var sets = pair.Apply(originals, Seeds.Derive((ulong)run.Seed, $"augment/{splitName}"));
        return new AlignedSets(originals, sets[AugClass.Aug1].MoveToOuterScope(), sets[AugClass.Aug2].MoveToOuterScope(), sets[AugClass.Compose].MoveToOuterScope());
    }

    private static double Lap(Stopwatch watch)
    {
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return seconds;
    }
}
