using LaVae.Experiments;
using LaVae.Reports.Images;
using LaVae.Tests.Unit.Support;
using LaVae.Tests.Unit.Training;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Figures;

/// <summary>
/// The geometry measure and the geometry, sampling and interpolation figures end to end on a tiny
/// LAVAE (real MNIST, F = 4, 64 training digits) over the first 300 test digits, whose 32 of class 2
/// make 128 points: enough for t-SNE's perplexity of 40.
/// </summary>
public sealed class GeometryFiguresTests : IDisposable
{
    private const string ExperimentId = "tiny-geometry";
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_run_measures_the_clouds_and_draws_every_figure()
    {
        var output = Path.Combine(folder.Path, "out");
        var catalog = ExperimentCatalog.Load(WriteRepository());

        var run = new ExperimentRunner(catalog, new RecordingProgress())
            .Run(catalog.Find(ExperimentId), new RunOptions("smoke", CPU, output, Path.Combine(folder.Path, "store")));

        var metrics = run.Results.Measurements.Metrics;
        metrics["geometry.flip_lr,flip_ud.latent.silhouette"].Should().BeInRange(-1, 1);
        metrics["geometry.flip_lr,flip_ud.image.silhouette"].Should().BeInRange(-1, 1);
        metrics["geometry.flip_lr,flip_ud.latent.probe_accuracy"].Should().BeInRange(0, 1);
        metrics["geometry.flip_lr,flip_ud.latent.log_det_ratio.compose"].Should().Match(v => double.IsFinite(v));
        string[] expected =
        [
            "geometry-flip_lr,flip_ud.png", "geometry-flip_lr,flip_ud.svg", "sampling-box-flip_lr,flip_ud.png",
            "sampling-normal-flip_lr,flip_ud.png", "interpolation-flip_lr,flip_ud.png",
        ];
        foreach (var name in expected)
        {
            File.Exists(Path.Combine(output, "figures", name)).Should().BeTrue($"{name} is written");
        }

        var svg = File.ReadAllText(Path.Combine(output, "figures", "geometry-flip_lr,flip_ud.svg"));
        var discs = Images.SvgText.Fills(svg, "ellipse");
        discs.Should().HaveCount((9 * 4 * 32) + 4, "3 spaces x 3 projections, each of 4 clouds of the 32 test digits of class 2, and the legend's 4 discs");
        discs.Distinct().Should().HaveCount(4, "one colour per augmentation");
        var texts = Images.SvgText.Of(svg);
        texts.Should().Contain(["images: PCA", "latents: FastICA", "reconstructions: t-SNE", "orig", "A1 (flip_lr)", "A2 (flip_ud)", "compose"]);
        PngReader.Read(Path.Combine(output, "figures", "geometry-flip_lr,flip_ud.png")).Width.Should().BeGreaterThan(600);
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
            title: "Geometry figures test"
            paper: "none"
            dataset: mnist
            seed: 1
            pairs: [[flip_lr, flip_ud]]
            measures: [geometry]
            figures: [latent_geometry, latent_sampling, latent_interpolation]
            {{TinyExperiment.SettingsAndProfiles.Replace("test_images: 16", "test_images: 300", StringComparison.Ordinal)}}
            claims: []
            """);
        return root;
    }
}
