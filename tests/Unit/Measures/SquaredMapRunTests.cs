using LaVae.Experiments;
using LaVae.Tests.Unit.Support;
using LaVae.Tests.Unit.Training;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Measures;

/// <summary>
/// Declared augmentations end to end on a tiny LAVAE (real MNIST, F = 4, 64 digits): the experiment
/// declares rotate_45 and rotate_90 from the rotate family, trains, and the squared_map measure and
/// figure read them; a second experiment declaring the same definitions under other names trains nothing.
/// </summary>
public sealed class SquaredMapRunTests : IDisposable
{
    private const string Pair = "rotate_45,rotate_90";
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_declared_pair_trains_measures_and_draws_and_another_name_for_the_same_definition_reuses_its_parts()
    {
        var root = Repository();
        var catalog = ExperimentCatalog.Load(root);
        var progress = new RecordingProgress();
        var outcome = new ExperimentRunner(catalog, progress).Run(catalog.Find("tiny-rotations"), Options("first"));
        var m = outcome.Results.Measurements.Metrics;

        m[$"squared_map.{Pair}.lavae.bce.l2"].Should().Be(m["lavae.bce.aug2"], "decode(z0·L2) against A2(x0) is Table I's aug2 column");
        m[$"squared_map.{Pair}.lavae.map_distance"].Should().BeGreaterThan(0).And.BeLessThan(double.PositiveInfinity);
        m[$"squared_map.{Pair}.image_gap"].Should().BeGreaterThan(0, "two bilinear 45° turns blur what one 90° turn does not").And.BeLessThan(0.5);
        m[$"squared_map.{Pair}.lavae.bce.no_map"].Should().NotBe(m[$"squared_map.{Pair}.lavae.bce.l1_twice"]);
        outcome.Results.Measurements.Figures.Should().Contain($"figures/squared-map-{Pair}.png");
        File.ReadAllText(outcome.Report.Markdown).Should().Contain("Does L1·L1 act as L2 on rotate\\_45,rotate\\_90?", "the figure has its caption in the report (Markdown escapes the underscores)");
        progress.Events.Should().Contain("lavae/stage1 started at epoch 0");

        var renamed = new RecordingProgress();
        var again = new ExperimentRunner(catalog, renamed).Run(catalog.Find("tiny-rotations-renamed"), Options("second"));

        renamed.Events.Should().Equal(["lavae/stage1 skipped", "lavae/stage2 skipped"], "the same definitions under other names are the same trained part");
        again.Results.Measurements.Metrics["lavae.bce.total"].Should().Be(m["lavae.bce.total"]);
    }

    private RunOptions Options(string output) =>
        new("smoke", CPU, Path.Combine(folder.Path, output), Path.Combine(folder.Path, "store"));

    private string Repository()
    {
        var root = Path.Combine(folder.Path, "repo");
        var baselines = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.BaselinesFolder)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, ExperimentCatalog.BaselinesFolder), "*.yaml"))
        {
            File.Copy(file, Path.Combine(baselines, Path.GetFileName(file)));
        }

        var experiments = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.ExperimentsFolder)).FullName;
        foreach (var (id, first, second) in new[] { ("tiny-rotations", "rotate_45", "rotate_90"), ("tiny-rotations-renamed", "eighth_turn", "quarter_turn") })
        {
            File.WriteAllText(Path.Combine(experiments, $"{id}.yaml"), $$$"""
                id: {{{id}}}
                title: "Runner test: declared rotations on a tiny LAVAE"
                paper: "none"
                dataset: mnist
                seed: 2
                augmentations:
                  {{{first}}}: {rotate: {degrees: 45}}
                  {{{second}}}: {rotate: {degrees: 90}}
                pair: [{{{first}}}, {{{second}}}]
                models: [lavae]
                measures: [reconstruction, squared_map]
                figures: [squared_map_grids]
                {{{TinyExperiment.SettingsAndProfiles}}}
                """);
        }

        return root;
    }
}
