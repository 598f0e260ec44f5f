using LaVae.IO;
using System.Globalization;
using LaVae.Artifacts;
using LaVae.Experiments;
using LaVae.Tests.Unit.Training;
using LaVae.Torch;

using LaVae.Tests.Unit.Support;

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
        var artifact = Directory.GetDirectories(Store).Should().ContainSingle().Which;
        Path.GetFileName(artifact).Should().MatchRegex("^lavae-[0-9a-f]{16}$");
        File.Exists(Path.Combine(artifact, ArtifactStore.CheckpointFileName)).Should().BeTrue();
        File.ReadAllText(Path.Combine(artifact, ArtifactStore.DescriptionFileName)).Should().Contain("\"complete\": true");
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
    public void Changing_a_setting_trains_a_new_artifact_and_going_back_reuses_the_first_without_training()
    {
        var output = OutputFolder();
        var first = Run(WriteRepository(atMost: 10_000), output, out _);

        var reseeded = Run(WriteRepository(atMost: 10_000, seed: 4), output, out var progress);

        reseeded.Reused.Should().BeFalse();
        reseeded.Results.RunKey.Should().NotBe(first.Results.RunKey);
        progress.Events.Should().Contain("lavae/stage1 started at epoch 0");
        Directory.GetDirectories(Store).Should().HaveCount(2, "each seed's latent space is its own artifact");

        var back = Run(WriteRepository(atMost: 10_000), output, out var backProgress);

        back.Results.RunKey.Should().Be(first.Results.RunKey);
        backProgress.Events.Should().Equal(["lavae/stage1 skipped", "lavae/stage2 skipped"], "the first seed's artifact is still done in the store: it is only loaded");
        back.Results.Measurements.Metrics.Should().Equal(first.Results.Measurements.Metrics);
    }

    [Fact]
    public void A_transfer_grid_reuses_the_latent_space_another_experiment_trained_and_its_diagonal_is_that_experiments_total()
    {
        var repository = WriteRepository(atMost: 10_000);
        var table = Run(repository, OutputFolder(), out _);
        WriteTransferExperiment(repository, seeds: "[3]");

        var grid = Run(repository, Path.Combine(folder.Path, "grid"), out var progress, TransferId);

        progress.Events.Should().Equal(
            ["lavae/stage1 skipped", "lavae/stage2 skipped", "head/flip_lr,flip_ud/rotate_cw,flip_lr/stage3 started at epoch 0"],
            "the Flips latent space is the one the first experiment trained; only the new head trains");
        var metrics = grid.Results.Measurements.Metrics;
        metrics["transfer.flip_lr,flip_ud.flip_lr,flip_ud.bce.total"].Should().Be(table.Results.Measurements.Metrics["lavae.bce.total"]);
        metrics.Should().ContainKey("transfer.flip_lr,flip_ud.rotate_cw,flip_lr.bce.total");
        var head = metrics["transfer.flip_lr,flip_ud.rotate_cw,flip_lr.bce.total"];
        head.Should().BeApproximately(
            new[] { "orig", "aug1", "aug2", "compose" }.Sum(c => metrics[$"transfer.flip_lr,flip_ud.rotate_cw,flip_lr.bce.{c}"]), 1e-9);
        grid.Results.Measurements.Figures.Should().Contain(["figures/transfer-heatmap.png", "figures/transfer-heatmap.svg"]);
    }

    [Fact]
    public async Task Two_shares_training_one_graph_concurrently_end_with_the_numbers_of_one_process()
    {
        var repository = WriteRepository(atMost: 10_000);
        WriteTransferExperiment(repository, seeds: "[3]", sources: "[[flip_lr, flip_ud], [rotate_cw, flip_lr]]");
        var catalog = ExperimentCatalog.Load(repository);
        var shared = Path.Combine(folder.Path, "shared-store");
        var options = new RunOptions("smoke", CPU, Path.Combine(folder.Path, "sharded"), shared);

        var left = await Task.WhenAll(new[] { new Shard(1, 2), new Shard(2, 2) }
            .Select(shard => Task.Run(() => new ExperimentRunner(catalog, new RecordingProgress()).TrainShare([catalog.Find(TransferId)], options, shard))));
        var sharded = new ExperimentRunner(catalog, new RecordingProgress()).Run(catalog.Find(TransferId), options);
        var single = new ExperimentRunner(catalog, new RecordingProgress()).Run(catalog.Find(TransferId), options with
        {
            OutputFolder = Path.Combine(folder.Path, "single"),
            StoreFolder = Path.Combine(folder.Path, "single-store"),
        });

        left.Should().Contain(0, "after both shares, nothing of the graph is left");
        Directory.GetDirectories(shared).Should().HaveCount(4, "two latent spaces and two heads, each trained once");
        sharded.Results.Measurements.Metrics.Should().Equal(single.Results.Measurements.Metrics);
    }

    [Fact]
    public async Task Two_processes_taking_unclaimed_parts_train_each_part_once_and_end_with_the_numbers_of_one_process()
    {
        var repository = WriteRepository(atMost: 10_000);
        WriteTransferExperiment(repository, seeds: "[3]", sources: "[[flip_lr, flip_ud], [rotate_cw, flip_lr]]");
        var catalog = ExperimentCatalog.Load(repository);
        var shared = Path.Combine(folder.Path, "shared-store");
        var options = new RunOptions("smoke", CPU, Path.Combine(folder.Path, "claimed"), shared);
        var progress = new[] { new RecordingProgress(), new RecordingProgress() };

        var left = await Task.WhenAll(progress.Select(p => Task.Run(() => new ExperimentRunner(catalog, p).TrainShare([catalog.Find(TransferId)], options, Shard.Any))));
        var claimed = new ExperimentRunner(catalog, new RecordingProgress()).Run(catalog.Find(TransferId), options);
        var single = new ExperimentRunner(catalog, new RecordingProgress()).Run(catalog.Find(TransferId), options with
        {
            OutputFolder = Path.Combine(folder.Path, "single"),
            StoreFolder = Path.Combine(folder.Path, "single-store"),
        });

        left.Should().Equal([0, 0], "each process waits until the graph is done");
        progress.SelectMany(p => p.Events).Count(e => e.EndsWith("started at epoch 0", StringComparison.Ordinal)).Should().Be(
            6, "two latent spaces (stages 1 and 2) and two heads, each stage started once by one of the processes");
        Directory.GetDirectories(shared).Should().HaveCount(4);
        claimed.Results.Measurements.Metrics.Should().Equal(single.Results.Measurements.Metrics);
    }

    [Fact]
    public void Several_seeds_report_the_mean_and_every_seed_and_a_claim_on_every_seed_is_judged_per_seed()
    {
        var repository = WriteRepository(atMost: 10_000);
        WriteTransferExperiment(repository, seeds: "[3, 4]", claims: """
            claims:
              - {id: mean-bound, metric: "transfer.flip_lr,flip_ud.flip_lr,flip_ud.bce.orig", at_most: 100000, profiles: [smoke]}
              - {id: every-seed-bound, metric: "transfer.flip_lr,flip_ud.flip_lr,flip_ud.bce.orig", at_most: 1, on: every_seed, profiles: [smoke]}
            """);

        var run = Run(repository, OutputFolder(), out _, TransferId);

        var measurements = run.Results.Measurements;
        measurements.Seeds.Should().Equal(3, 4);
        var orig = "transfer.flip_lr,flip_ud.flip_lr,flip_ud.bce.orig";
        measurements.PerSeed[orig].Should().HaveCount(2).And.OnlyHaveUniqueItems("each seed trains its own parts");
        measurements.Metrics[orig].Should().BeApproximately(measurements.PerSeed[orig].Average(), 1e-9);
        run.Results.Claims.Single(c => c.ClaimId == "mean-bound").Passed.Should().BeTrue();
        var perSeed = run.Results.Claims.Single(c => c.ClaimId == "every-seed-bound");
        perSeed.Passed.Should().BeFalse();
        perSeed.Message.Should().Contain("fails for seed 3, 4 of 2");
        perSeed.Seeds!.ToString().Should().Be("0 of 2 seeds (not seed 3, 4)");
        run.Results.Claims.Single(c => c.ClaimId == "mean-bound").Seeds!.ToString().Should().Be("2 of 2 seeds");
        var report = File.ReadAllText(run.Report.Markdown);
        report.Should().Contain(" ± ", "the report shows the spread over seeds");
        report.Should().Contain("2 of 2 seeds (judged on the mean of 2 seeds)").And.Contain("0 of 2 seeds (not seed 3, 4) (judged on every seed)");
    }

    [Fact]
    public void A_budget_ladder_measures_each_rung_under_its_settings_and_the_first_rung_shares_the_plain_run()
    {
        var repository = WriteRepository(atMost: 10_000);
        File.WriteAllText(Path.Combine(repository, ExperimentCatalog.ExperimentsFolder, $"{LadderId}.yaml"), $$"""
            id: {{LadderId}}
            title: "Runner test: a tiny budget ladder"
            paper: "none"
            dataset: mnist
            seed: 3
            pair: [flip_lr, flip_ud]
            models: [lavae]
            budgets:
              - name: small
              - name: large
                settings:
                  train_images: 96
                  epochs: {stage1: 2}
            measures: [reconstruction]
            figures: [budget_ladder]
            {{TinyExperiment.SettingsAndProfiles}}
            claims:
              - {id: total-falls, order: [budget.large.lavae.bce.total, budget.small.lavae.bce.total], profiles: [smoke]}
            """);
        var plain = Run(repository, OutputFolder(), out _);

        var ladder = Run(repository, Path.Combine(folder.Path, "ladder"), out var progress, LadderId);

        var metrics = ladder.Results.Measurements.Metrics;
        metrics["budget.small.lavae.bce.orig"].Should().Be(plain.Results.Measurements.Metrics["lavae.bce.orig"], "the first rung is the plain run's latent space, loaded from the store");
        metrics["budget.large.lavae.bce.orig"].Should().NotBe(metrics["budget.small.lavae.bce.orig"]);
        metrics["budget.small.images_seen"].Should().Be(64 * 4 * 1);
        metrics["budget.large.images_seen"].Should().Be(96 * 4 * 2);
        metrics.Keys.Should().NotContain("lavae.bce.orig", "a ladder's metrics are named by their rung");
        progress.Events.Count(e => e == "lavae/stage1 started at epoch 0").Should().Be(1, "only the larger rung trains; the smaller is the plain run's");
        ladder.Results.Claims.Single().ClaimId.Should().Be("total-falls");
        ladder.Results.Measurements.Figures.Should().Contain("figures/budget-ladder.png").And.Contain("figures/training-curves-lavae.png");
        ladder.Results.Measurements.Curves.Should().HaveCount(2);
        ladder.Results.Measurements.Curves.Should().AllSatisfy(part => part.Stages.Keys.Should().Equal("stage1", "stage2"));
        ladder.Results.Measurements.Curves.Select(part => part.Stages["stage1"]["loss"].Count).Should().BeEquivalentTo([1, 2]);
        File.Exists(Path.Combine(folder.Path, "ladder", "figures", "budget-ladder.png")).Should().BeTrue();
        ResultsFile.Read(ladder.ResultsPath).Run.Budgets.Select(rung => rung.Name).Should().Equal("small", "large");
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

    private const string TransferId = "tiny-transfer";

    private const string LadderId = "tiny-ladder";

    private string Store => Path.Combine(folder.Path, "store");

    private string OutputFolder() => Path.Combine(folder.Path, "out");

    private RunOutcome Run(string repository, string output, out RecordingProgress progress, string experiment = ExperimentId)
    {
        progress = new RecordingProgress();
        var catalog = ExperimentCatalog.Load(repository);
        var runner = new ExperimentRunner(catalog, progress);
        return runner.Run(catalog.Find(experiment), new RunOptions("smoke", CPU, output, Store));
    }

    /// <summary>A tiny transfer grid in the repository, with the same settings as the tiny Table I experiment.</summary>
    private static void WriteTransferExperiment(string repository, string seeds, string sources = "[[flip_lr, flip_ud]]", string claims = "")
    {
        File.WriteAllText(Path.Combine(repository, ExperimentCatalog.ExperimentsFolder, $"{TransferId}.yaml"), $$"""
            id: {{TransferId}}
            title: "Runner test: a tiny transfer grid"
            paper: "none"
            dataset: mnist
            seeds: {{seeds}}
            transfer:
              sources: {{sources}}
              targets: [[flip_lr, flip_ud], [rotate_cw, flip_lr]]
              paper: fig7
            measures: [transfer]
            figures: [transfer_heatmap]
            {{TinyExperiment.SettingsAndProfiles}}
            {{claims}}
            """);
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
            measures: [reconstruction]
            figures: [reconstruction_grids]
            {{TinyExperiment.SettingsAndProfiles}}
            claims:
              - {id: orig-bound, metric: lavae.bce.orig, at_most: {{atMost}}, profiles: [smoke]}
            """));
        return root;
    }
}
