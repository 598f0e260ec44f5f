using LaVae.Artifacts;
using LaVae.Experiments;
using LaVae.Measures;
using LaVae.Reports.Images;
using LaVae.Tests.Unit.Support;
using LaVae.Tests.Unit.Training;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Experiments;

/// <summary>
/// The identity and class measures and the entanglement grids end to end on a tiny experiment (real
/// MNIST, F = 4, 64 digits): the classifier becomes an artifact of its own, every declared metric is
/// reported, and one grid per model is drawn.
/// </summary>
public sealed class EntanglementRunTests : IDisposable
{
    private const string ExperimentId = "tiny-entanglement";
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_run_trains_the_classifier_as_its_own_artifact_reports_every_metric_and_draws_a_grid_per_model()
    {
        var repository = WriteRepository();
        var catalog = ExperimentCatalog.Load(repository);
        var output = Path.Combine(folder.Path, "out");
        var store = Path.Combine(folder.Path, "store");

        var outcome = new ExperimentRunner(catalog, new RecordingProgress()).Run(catalog.Find(ExperimentId), new RunOptions("smoke", CPU, output, store));

        Directory.GetDirectories(store).Select(Path.GetFileName).Should().Contain(name => name!.StartsWith("classifier-", StringComparison.Ordinal))
            .And.HaveCount(3, "LAVAE, CVAE_AugInv and the classifier");
        var design = new ExperimentDesign("mnist", ["flip_lr", "flip_ud"], ["lavae", "cvae_auginv"], null, TinyTraining.Settings());
        var expected = new[] { "identity", "class" }.SelectMany(name => MeasureRegistry.Get(name).MetricNames(design));
        var metrics = outcome.Results.Measurements.Metrics;
        metrics.Keys.Should().BeEquivalentTo(expected);
        metrics.Values.Should().OnlyContain(value => value >= 0 && value <= 1, "every metric is a fraction or a mean probability");
        // 16 test digits: a fraction of them is a multiple of 1/16.
        metrics.Where(m => !m.Key.Contains("confidence", StringComparison.Ordinal))
            .Should().OnlyContain(m => Math.Abs((m.Value * 16) - Math.Round(m.Value * 16)) < 1e-9);
        foreach (var model in new[] { "lavae", "cvae_auginv" })
        {
            var figure = Path.Combine(output, "figures", $"entanglement-{model}.png");
            var image = PngReader.Read(figure);
            image.Height.Should().BeGreaterThan(10 * 28 * 2, "ten rows of 28-pixel tiles at scale 2, below a title and labels");
        }
    }

    private string WriteRepository()
    {
        var root = Path.Combine(folder.Path, "repo");
        var baselines = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.BaselinesFolder)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, ExperimentCatalog.BaselinesFolder), "*.yaml"))
        {
            File.Copy(file, Path.Combine(baselines, Path.GetFileName(file)), overwrite: true);
        }

        var experiments = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.ExperimentsFolder)).FullName;
        File.WriteAllText(Path.Combine(experiments, $"{ExperimentId}.yaml"), $$"""
            id: {{ExperimentId}}
            title: "Runner test: identity and class of a tiny LAVAE and CVAE"
            paper: "none"
            dataset: mnist
            seed: 2
            pair: [flip_lr, flip_ud]
            models: [lavae, cvae_auginv]
            measures: [identity, class]
            figures: [entanglement_grids]
            {{TinyExperiment.SettingsAndProfiles}}
            """);
        return root;
    }
}
