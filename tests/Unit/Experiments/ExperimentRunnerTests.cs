using LaVae.IO;
using System.Globalization;
using LaVae.Experiments;
using LaVae.Tests.Unit.Training;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Experiments;

/// <summary>
/// The runner end to end on a tiny experiment (real MNIST, F = 4, 64 digits): what it writes, and when
/// it reuses a stored run instead of training again.
/// </summary>
public sealed class ExperimentRunnerTests : IDisposable
{
    private const string ExperimentId = "tiny-runner";
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_run_writes_results_report_figures_and_checkpoints_and_a_second_run_reuses_them_without_training()
    {
        var output = OutputFolder();
        var first = Run(WriteRepository(atMost: 10_000), output, out var firstProgress);

        first.Reused.Should().BeFalse();
        firstProgress.Events.Should().Contain("lavae/stage1 started at epoch 0");
        File.Exists(first.ResultsPath).Should().BeTrue();
        File.Exists(first.Report.Markdown).Should().BeTrue();
        File.Exists(first.Report.Html).Should().BeTrue();
        File.Exists(Path.Combine(output, "figures", "lavae-reconstructions.png")).Should().BeTrue();
        File.Exists(Path.Combine(output, ExperimentRunner.CheckpointsFolder, "lavae.safetensors")).Should().BeTrue();
        first.Results.Measurements.Metrics.Should().ContainKey("lavae.bce.total");

        var second = Run(WriteRepository(atMost: 10_000), output, out var secondProgress);

        second.Reused.Should().BeTrue();
        secondProgress.Events.Should().BeEmpty("nothing that affects the numbers changed, so nothing is trained or even loaded");
        second.Results.Measurements.Metrics.Should().Equal(first.Results.Measurements.Metrics);
    }

    [Fact]
    public void Editing_a_claim_rejudges_the_stored_metrics_without_training()
    {
        var output = OutputFolder();
        var loose = Run(WriteRepository(atMost: 10_000), output, out _);
        loose.Results.Claims.Single().Passed.Should().BeTrue();

        var strict = Run(WriteRepository(atMost: 1), output, out var progress);

        strict.Reused.Should().BeTrue("claims are not part of the run key");
        progress.Events.Should().BeEmpty();
        strict.Results.Claims.Single().Passed.Should().BeFalse("the same orig error now exceeds the bound of 1");
    }

    [Fact]
    public void A_missing_figure_is_rendered_again_from_the_finished_checkpoints_without_training()
    {
        var output = OutputFolder();
        var first = Run(WriteRepository(atMost: 10_000), output, out _);
        var figure = Path.Combine(output, "figures", "lavae-reconstructions.png");
        var pixels = File.ReadAllBytes(figure);
        File.Delete(figure);

        var again = Run(WriteRepository(atMost: 10_000), output, out var progress);

        again.Reused.Should().BeFalse();
        progress.Events.Should().OnlyContain(e => e.EndsWith(" skipped", StringComparison.Ordinal), "every stage is complete in its checkpoint");
        File.ReadAllBytes(figure).Should().Equal(pixels);
        again.Results.Measurements.Metrics.Should().Equal(first.Results.Measurements.Metrics);
    }

    [Fact]
    public void Changing_a_setting_trains_a_new_run_and_sets_the_old_checkpoints_aside_for_going_back()
    {
        var output = OutputFolder();
        var first = Run(WriteRepository(atMost: 10_000), output, out _);

        var reseeded = Run(WriteRepository(atMost: 10_000, seed: 4), output, out var progress);

        reseeded.Reused.Should().BeFalse();
        reseeded.Results.RunKey.Should().NotBe(first.Results.RunKey);
        progress.Events.Should().Contain("lavae/stage1 started at epoch 0");
        Directory.Exists(Path.Combine(output, $"{ExperimentRunner.CheckpointsFolder}-{first.Results.RunKey[..12]}")).Should().BeTrue();

        var back = Run(WriteRepository(atMost: 10_000), output, out var backProgress);

        back.Results.RunKey.Should().Be(first.Results.RunKey);
        backProgress.Events.Should().OnlyContain(e => e.EndsWith(" skipped", StringComparison.Ordinal), "the first run's checkpoints came back");
        back.Results.Measurements.Metrics.Should().Equal(first.Results.Measurements.Metrics);
    }

    [Fact]
    public void A_second_run_into_a_locked_output_folder_is_refused_with_the_folder_named()
    {
        var output = OutputFolder();
        Directory.CreateDirectory(output);
        using var held = OutputLock.Acquire(output);

        var act = () => Run(WriteRepository(atMost: 10_000), output, out _);

        act.Should().Throw<OutputFolderInUseException>().WithMessage($"*{output}*");
    }

    private string OutputFolder() => Path.Combine(folder.Path, "out");

    private static RunOutcome Run(string repository, string output, out RecordingProgress progress)
    {
        progress = new RecordingProgress();
        var catalog = ExperimentCatalog.Load(repository);
        var runner = new ExperimentRunner(catalog, progress);
        return runner.Run(catalog.Find(ExperimentId), new RunOptions("smoke", Device.Cpu, output));
    }

    /// <summary>A repository folder with the paper baselines and one tiny experiment whose single claim bounds the orig error.</summary>
    private string WriteRepository(double atMost, int seed = 3)
    {
        var root = Path.Combine(folder.Path, "repo");
        var baselines = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.BaselinesFolder)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, ExperimentCatalog.BaselinesFolder), "*.yaml"))
        {
            File.Copy(file, Path.Combine(baselines, Path.GetFileName(file)), overwrite: true);
        }

        var experiments = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.ExperimentsFolder)).FullName;
        File.WriteAllText(Path.Combine(experiments, $"{ExperimentId}.yaml"), string.Create(CultureInfo.InvariantCulture, $$"""
            id: {{ExperimentId}}
            title: "Runner test: a tiny LAVAE on Flips"
            paper: "none"
            dataset: mnist
            seed: {{seed}}
            pair: [flip_lr, flip_ud]
            models: [lavae]
            settings:
              filters: 4
              latent: 16
              batch_size: 32
              learning_rate: 0.001
              kl_weight: 1.0
              involutory_weight: 1.0
              train_images: 64
              test_images: 16
              epochs: {stage1: 1, stage2: 2, stage3: 1, cvae: 1}
              checkpoint_every: 1
            profiles:
              smoke: {}
              paper: {}
            claims:
              - {id: orig-bound, metric: lavae.bce.orig, at_most: {{atMost}}, profiles: [smoke]}
            """));
        return root;
    }
}
