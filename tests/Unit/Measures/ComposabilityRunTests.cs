using LaVae.Experiments;
using LaVae.Tests.Unit.Support;
using LaVae.Tests.Unit.Training;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Measures;

/// <summary>
/// The composability, inversion and recursion measures and their figures end to end on a tiny LAVAE
/// (real MNIST, F = 4, 64 digits) trained on rotate_cw,flip_lr: the numbers agree with the reconstruction
/// measure where they share a column, obey the identities their definitions imply, and the figures and
/// report tables are written.
/// </summary>
public sealed class ComposabilityRunTests : IDisposable
{
    private const string Id = "tiny-composability";
    private const string Pair = "rotate_cw,flip_lr";
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_tiny_run_measures_every_metric_consistently_and_draws_the_figures()
    {
        var outcome = Run();
        var m = outcome.Results.Measurements.Metrics;

        // Columns shared with Table I's measure are the same numbers.
        m[$"composability.{Pair}.lavae.bce.compose"].Should().Be(m["lavae.bce.compose"]);
        m[$"composability.{Pair}.lavae.bce.reverse_compose"].Should().Be(m["lavae.bce.reverse_compose"]);
        m[$"inversion.{Pair}.lavae.bce.orig"].Should().Be(m["lavae.bce.orig"]);
        m[$"inversion.{Pair}.lavae.bce.inverse_compose"].Should().Be(m["lavae.bce.inverse_compose"]);
        m[$"inversion.{Pair}.lavae.relative.inverse_aug1"].Should().BeApproximately(m["lavae.bce.inverse_aug1"] / m["lavae.bce.orig"], 1e-12);

        // rotate_cw and flip_lr are deterministic and do not commute.
        m[$"composability.{Pair}.image_redraw_difference"].Should().Be(0);
        m[$"composability.{Pair}.image_commutator"].Should().BeGreaterThan(0.3);
        m[$"composability.{Pair}.lavae.latent_commutator"].Should().BeGreaterThan(0).And.BeLessThan(double.PositiveInfinity);
        m[$"composability.{Pair}.lavae.decoded_commutator"].Should().BeGreaterThan(0).And.BeLessThan(double.PositiveInfinity);
        m[$"inversion.{Pair}.lavae.involution_residual.l1"].Should().BeGreaterThan(0);
        m[$"inversion.{Pair}.lavae.condition.l2"].Should().BeGreaterThanOrEqualTo(1);

        foreach (var map in new[] { "rotate_cw", "flip_lr" })
        {
            var prefix = $"recursion.{Pair}.lavae.{map}";
            // Step 1 of both paths is decode(z0·L) against A(x0).
            m[$"{prefix}.image_loop.step1.median"].Should().Be(m[$"{prefix}.latent_power.step1.median"]);
            m[$"{prefix}.stable_bound"].Should().BeApproximately(2 * m[$"{prefix}.image_loop.step1.median"], 1e-9);
            for (var step = 1; step <= 8; step++)
            {
                foreach (var path in new[] { "image_loop", "latent_power" })
                {
                    m[$"{prefix}.{path}.step{step}.q1"].Should().BeLessThanOrEqualTo(m[$"{prefix}.{path}.step{step}.median"]);
                    m[$"{prefix}.{path}.step{step}.median"].Should().BeLessThanOrEqualTo(m[$"{prefix}.{path}.step{step}.q3"]);
                }
            }

            m[$"{prefix}.image_loop.stable_share"].Should().BeInRange(0, 1);
        }

        outcome.Results.Measurements.Figures.Should().Contain([
            $"figures/augment-invert-{Pair}.png",
            $"figures/recursion-{Pair}-rotate_cw-steps.png",
            $"figures/recursion-{Pair}-flip_lr-path.png",
        ]);
        var report = File.ReadAllText(outcome.Report.Markdown);
        report.Should().Contain("Composability: relative commutators").And.Contain("Inversion (LAVAE)").And.Contain("Recursion (LAVAE)");
    }

    private RunOutcome Run()
    {
        var root = Path.Combine(folder.Path, "repo");
        var baselines = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.BaselinesFolder)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, ExperimentCatalog.BaselinesFolder), "*.yaml"))
        {
            File.Copy(file, Path.Combine(baselines, Path.GetFileName(file)));
        }

        var experiments = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.ExperimentsFolder)).FullName;
        File.WriteAllText(Path.Combine(experiments, $"{Id}.yaml"), $$"""
            id: {{Id}}
            title: "Runner test: composability, inversion and recursion of a tiny LAVAE"
            paper: "none"
            dataset: mnist
            seed: 2
            pair: [rotate_cw, flip_lr]
            models: [lavae]
            measures: [reconstruction, composability, inversion, recursion]
            figures: [augment_invert_grids, recursion_paths]
            {{TinyExperiment.SettingsAndProfiles}}
            """);
        var catalog = ExperimentCatalog.Load(root);
        var runner = new ExperimentRunner(catalog, new RecordingProgress());
        var options = new RunOptions("smoke", CPU, Path.Combine(folder.Path, "out"), Path.Combine(folder.Path, "store"));
        return runner.Run(catalog.Find(Id), options);
    }
}
