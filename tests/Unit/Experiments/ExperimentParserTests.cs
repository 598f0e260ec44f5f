using LaVae.Tests.Unit.Training;
using LaVae.Training;
using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

public class ExperimentParserTests
{
    [Fact]
    public void Parses_the_sample()
    {
        var experiment = Samples.Parse(Samples.ExperimentYaml);

        experiment.Id.Should().Be("sample");
        experiment.Title.Should().Be("Sample");
        experiment.PaperReference.Should().Be("Table I");
        experiment.Dataset.Should().Be("mnist");
        experiment.Seeds.Should().Equal(1);
        experiment.Pair.Should().Equal("flip_lr", "flip_ud");
        experiment.Models.Should().Equal("lavae", "cvae_auginv");
        experiment.Profiles.Should().Equal("paper", "smoke");
        experiment.SourcePath.Should().Be(Samples.ExperimentPath);
        experiment.Claims.Select(claim => claim.Id).Should().Equal("lavae-total-near-paper", "composes-better");
        experiment.Claims[1].Description.Should().Be("LAVAE composes better");
        experiment.Claims[1].Metrics.Should().Equal("lavae.bce.compose", "cvae_auginv.bce.compose");
        experiment.Claims[0].Location.Should().Be(new SourceLocation(Samples.ExperimentPath, 23, 5));
        experiment.Snapshots.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Name = "lavae-reconstructions",
            Model = "lavae",
            Digits = 8,
            MaxMeanAbsDiff = 6.0,
            Profiles = new[] { "smoke" },
        });
    }

    [Theory]
    [InlineData("budgets: [{name: b1}]\n", "8:10: 'budgets' must list at least two rungs (a ladder compares budgets), found 1")]
    [InlineData("budgets: [{name: b1}, {name: b1}]\n", "8:30: budget 'b1' is listed twice")]
    [InlineData("budgets: [{name: b1}, {name: 'b 2'}]\n", "8:30: budget name 'b 2' must use only letters, digits, '-' and '_', as it names metrics")]
    [InlineData("budgets: [{name: b1}, {name: b2, epochs: 3}]\n", "8:34: unknown key 'epochs' in 'budgets[1]' (known: name, settings)")]
    [InlineData("budgets: [{name: b1}, {name: b2, settings: {epochs: {stage1: -1}}}]\n", "8:62: 'budgets[1].settings.epochs.stage1' must be at least 0, found -1")]
    public void Budget_rungs_are_read_strictly(string budgets, string expected) =>
        ShouldFail(Samples.With("models: [lavae, cvae_auginv]\n", "models: [lavae, cvae_auginv]\n" + budgets), expected);

    [Fact]
    public void Budget_rungs_lay_their_settings_over_the_profiles_and_name_their_metrics()
    {
        var ladder = Samples.With("models: [lavae, cvae_auginv]\n",
            "models: [lavae, cvae_auginv]\nbudgets: [{name: small}, {name: large, settings: {train_images: 3000, epochs: {stage1: 6}}}]\n");
        var plainMetric = () => Samples.Parse(ladder);
        plainMetric.Should().Throw<ExperimentFormatException>()
            .WithMessage("*metric 'lavae.bce.total' is measured once per rung of this budget ladder: name the rung, e.g. 'budget.large.lavae.bce.total'");
        var experiment = Samples.Parse(ladder
            .Replace("metric: lavae.bce.total", "metric: budget.large.lavae.bce.total", StringComparison.Ordinal)
            .Replace("metric: lavae.bce.compose", "metric: budget.small.lavae.bce.compose", StringComparison.Ordinal)
            .Replace("less_than: cvae_auginv.bce.compose", "less_than: budget.small.cvae_auginv.bce.compose", StringComparison.Ordinal));

        var run = experiment.Resolve("smoke").Run;

        run.Budgets.Select(rung => rung.Name).Should().Equal("small", "large");
        run.Budgets[0].Settings[LaVae.Training.Setting.TrainImages].Should().Be(2000, "the smoke profile's value");
        run.Budgets[1].Settings[LaVae.Training.Setting.TrainImages].Should().Be(3000);
        run.Budgets[1].Settings[LaVae.Training.Setting.Stage1Epochs].Should().Be(6);
        run.Budgets[1].ImagesSeen.Should().Be(3000 * 4 * 6);
        run.Budgets[1].Metric("lavae.bce.total").Should().Be("budget.large.lavae.bce.total");
        experiment.BudgetNames.Should().Equal("small", "large");
    }

    [Theory]
    [InlineData("  checkpoint_every: 10", "  epoch: 10",
        "18:3: unknown key 'epoch' in 'settings' (known: batch_size, checkpoint_every, epochs, filters, involutory_weight, kl_weight, latent, learning_rate, test_images, train_images)")]
    [InlineData("seed: 1\n", "seed: 1\ncolour: red\n",
        "6:1: unknown key 'colour' at the top level (known: augmentations, budgets, claims, dataset, figures, id, measures, models, pair, pairs, paper, profiles, seed, seeds, settings, snapshots, title, transfer)")]
    [InlineData("{train_images: 2000, epochs: {stage1: 4}}", "{train_images: 2000, epochs: {stage_1: 4}}",
        "20:40: unknown key 'stage_1' in 'profiles.smoke.epochs' (known: classifier, cvae, stage1, stage2, stage3)")]
    [InlineData("    relative_tolerance: 0.10\n", "    relative_tolerance: 0.10\n    tolerance: 1\n",
        "27:5: unknown key 'tolerance' in 'claims[0]' (known: at_least, at_most, description, id, less_than, metric, near, not_reproduced, on, order, profiles, relative_tolerance)")]
    public void Unknown_keys_are_errors_at_the_key(string snippet, string replacement, string expected) =>
        ShouldFail(Samples.With(snippet, replacement), expected);

    [Theory]
    [InlineData("  filters: 64", "  filters: 64.5", "9:12: 'settings.filters' must be an integer, found '64.5'")]
    [InlineData("seed: 1", "seed: \"1\"", "5:7: 'seed' must be an integer, found the quoted string '1'")]
    [InlineData("  learning_rate: 0.001", "  learning_rate: fast", "12:18: 'settings.learning_rate' must be a number, found 'fast'")]
    [InlineData("  learning_rate: 0.001", "  learning_rate: 0", "12:18: 'settings.learning_rate' must be greater than 0, found 0")]
    [InlineData("{stage1: 100, stage2: 60,", "{stage1: 100, stage2: -1,", "17:33: 'settings.epochs.stage2' must be at least 0, found -1")]
    [InlineData("pair: [flip_lr, flip_ud]", "pair: flip_lr", "6:7: 'pair' must be a list, found 'flip_lr'")]
    [InlineData("title: \"Sample\"", "title: [a, b]", "2:8: 'title' must be a non-empty string, found a list")]
    [InlineData("title: \"Sample\"", "title:", "2:7: 'title' must be a non-empty string, found nothing")]
    [InlineData("title: \"Sample\"", "title: \"\"", "2:8: 'title' must be a non-empty string, found the quoted string ''")]
    [InlineData("  paper: {}", "  paper: []", "21:10: 'profiles.paper' must be a mapping, found a list")]
    [InlineData("    relative_tolerance: 0.10", "    relative_tolerance: 10",
        "26:25: 'relative_tolerance' must be a fraction between 0 and 1 (0.10 for 10%), found 10")]
    [InlineData("    digits: 8", "    digits: 0", "36:13: 'digits' must be at least 1, found 0")]
    public void Wrong_types_and_values_are_errors_at_the_value(string snippet, string replacement, string expected) =>
        ShouldFail(Samples.With(snippet, replacement), expected);

    [Theory]
    [InlineData("seed: 1\n", "", "1:1: declare one of 'seed: N' or 'seeds: [N, ...]'")]
    [InlineData("  checkpoint_every: 10\n", "", "9:3: no value for 'checkpoint_every': set it under 'settings' in experiments/settings.yaml (shared by every experiment) or in this file")]
    [InlineData(" stage3: 100,", "", "9:3: no value for 'epochs.stage3': set it under 'settings' in experiments/settings.yaml (shared by every experiment) or in this file")]
    [InlineData("    profiles: [smoke]\n", "", "34:5: missing required key 'profiles' in 'snapshots[0]'")]
    [InlineData("  paper: {}\n", "", "20:3: no 'paper' profile: declare 'paper: {}' under 'profiles' in experiments/settings.yaml or this file (the 'settings' block is the paper profile)")]
    public void Missing_required_fields_are_errors_at_their_mapping(string snippet, string replacement, string expected) =>
        ShouldFail(Samples.With(snippet, replacement), expected);

    [Theory]
    [InlineData("pair: [flip_lr, flip_ud]", "pair: [flip_lr, flip_x]",
        "6:17: unknown augmentation 'flip_x' (known: canny, edge_detect, flip_lr, flip_ud, gaussian_blur, mini_image, rotate_ccw, rotate_cw, sap_noise, shearX, tl_sap_noise)")]
    [InlineData("pair: [flip_lr, flip_ud]", "pair: [flip_lr]", "6:7: 'pair' must list two augmentations (A1, A2), found 1")]
    [InlineData("models: [lavae, cvae_auginv]", "models: [lavae, cvae_augin]",
        "7:17: unknown model kind 'cvae_augin' (known: csvae, cvae_auginv, cvae_trad, lavae, lavae_merged, lavae_mlp, vae)")]
    [InlineData("models: [lavae, cvae_auginv]", "models: [lavae, cvae_auginv, lavae]", "7:30: model 'lavae' is listed twice")]
    [InlineData("dataset: mnist", "dataset: mnst", "4:10: unknown dataset 'mnst' (known: fashion-mnist, mnist)")]
    [InlineData("    model: lavae", "    model: cvae_trad", "35:12: model 'cvae_trad' is not one this experiment trains (models: lavae, cvae_auginv)")]
    public void Unknown_names_are_errors_at_the_name(string snippet, string replacement, string expected) =>
        ShouldFail(Samples.With(snippet, replacement), expected);

    [Theory]
    [InlineData("metric: lavae.bce.total", "metric: lavae.bce.totl",
        "24:13: unknown column 'totl' in metric 'lavae.bce.totl' (known: orig, aug1, aug2, compose, total, reverse_compose, inverse_aug1, inverse_aug2, inverse_compose, involutory_inverse_aug1, involutory_inverse_aug2)")]
    [InlineData("metric: lavae.bce.total", "metric: lavae.mse.total", "24:13: unknown measure 'mse' in metric 'lavae.mse.total' (known: bce, sse)")]
    [InlineData("metric: lavae.bce.total", "metric: lavae.total", "24:13: metric 'lavae.total' is not one this experiment's measures report (e.g. cvae_auginv.bce.aug1, cvae_auginv.bce.aug2, cvae_auginv.bce.compose)")]
    [InlineData("metric: lavae.bce.total", "metric: vae.bce.total",
        "24:13: metric 'vae.bce.total' names model 'vae', which this experiment does not train (models: lavae, cvae_auginv)")]
    [InlineData("less_than: cvae_auginv.bce.compose", "less_than: lavae.bce.compose", "31:16: metric 'lavae.bce.compose' cannot be compared with itself")]
    public void Unknown_metrics_are_errors_at_the_metric(string snippet, string replacement, string expected) =>
        ShouldFail(Samples.With(snippet, replacement), expected);

    [Theory]
    [InlineData("near: table1.lavae.total", "near: table1.lavae.totl",
        "25:11: row 'lavae' of paper table 'table1' has no column 'totl' (columns: compose, orig, total)")]
    [InlineData("near: table1.lavae.total", "near: table1.vae.total", "25:11: paper table 'table1' has no row 'vae' (rows: cvae_auginv, lavae)")]
    [InlineData("near: table1.lavae.total", "near: table9.lavae.total", "25:11: unknown paper table 'table9' in 'table9.lavae.total' (known: table1)")]
    [InlineData("near: table1.lavae.total", "near: 297.1",
        "25:11: paper value '297.1' must have the form <table>.<row>.<column>, e.g. table1.lavae.total")]
    public void Unknown_paper_references_are_errors_at_the_reference(string snippet, string replacement, string expected) =>
        ShouldFail(Samples.With(snippet, replacement), expected);

    [Theory]
    [InlineData("    profiles: [paper]", "    profiles: [papr]", "27:16: unknown profile 'papr' (known: paper, smoke)")]
    [InlineData("    profiles: [paper]", "    profiles: []", "27:15: 'claims[0].profiles' must name at least one profile (known: paper, smoke)")]
    [InlineData("    relative_tolerance: 0.10\n", "    relative_tolerance: 0.10\n    at_most: 5\n",
        "27:5: claim 'lavae-total-near-paper' combines 'near' and 'at_most'; write two claims")]
    [InlineData("    less_than: cvae_auginv.bce.compose\n", "",
        "28:5: claim 'composes-better' must say what it claims with one of: near, less_than, at_most, at_least, order")]
    [InlineData("    less_than: cvae_auginv.bce.compose\n", "    less_than: cvae_auginv.bce.compose\n    relative_tolerance: 0.1\n",
        "32:5: 'relative_tolerance' does not apply to claim 'composes-better', which uses 'less_than'")]
    [InlineData("  - id: composes-better", "  - id: lavae-total-near-paper", "28:5: claim id 'lavae-total-near-paper' is used twice")]
    [InlineData("  - id: composes-better", "  - id: composes better", "28:9: 'claims[1].id' must use only letters, digits, '-' and '_', found 'composes better'")]
    [InlineData("  paper: {}", "  paper: {filters: 8}", "21:10: the 'paper' profile must be {}: the 'settings' block holds the paper's values")]
    public void Claims_and_profiles_are_checked(string snippet, string replacement, string expected) =>
        ShouldFail(Samples.With(snippet, replacement), expected);

    [Theory]
    [InlineData("  train_images: 60000", "  train_images: 60001", "15:17: 'settings.train_images' is 60001, but mnist has 60000 training images")]
    [InlineData("  test_images: 10000", "  test_images: 10001", "16:16: 'settings.test_images' is 10001, but mnist has 10000 test images")]
    [InlineData("{train_images: 2000,", "{train_images: 70000,", "20:25: 'profiles.smoke.train_images' is 70000, but mnist has 60000 training images")]
    [InlineData("epochs: {stage1: 4}}", "epochs: {stage1: 0}}",
        "20:48: 'profiles.smoke.epochs.stage1' is 0, so profile 'smoke' would train LAVAE for no epochs; give it at least 1")]
    [InlineData("stage3: 100, cvae: 100,", "stage3: 100, cvae: 0,",
        "17:56: 'settings.epochs.cvae' is 0, so profile 'paper' would train CVAE_AugInv for no epochs; give it at least 1")]
    public void A_profile_that_exceeds_the_dataset_or_trains_nothing_is_an_error_at_the_value(string snippet, string replacement, string expected) =>
        ShouldFail(Samples.With(snippet, replacement), expected);

    [Fact]
    public void Zero_epochs_for_a_stage_nothing_declared_trains_is_accepted()
    {
        var experiment = Samples.Parse(Samples.With("stage3: 100,", "stage3: 0,"));

        experiment.Resolve("paper").Run.Settings[Setting.Stage3Epochs].Should().Be(0, "no transfer head is declared, so stage 3 trains nothing either way");
    }

    [Fact]
    public void An_order_claim_lists_at_least_two_distinct_metrics()
    {
        var yaml = Samples.With(
            "    metric: lavae.bce.compose\n    less_than: cvae_auginv.bce.compose\n",
            "    order: [lavae.bce.total]\n");

        ShouldFail(yaml, "30:12: 'order' must list at least two metrics, smallest first");
    }

    [Fact]
    public void Yaml_syntax_errors_and_duplicate_keys_carry_their_position()
    {
        ShouldFail(Samples.With("title: \"Sample\"", "title: \"Sample"), "2:8: While scanning a multi-line double-quoted scalar, found wrong indentation.");
        ShouldFail(Samples.With("pair: [flip_lr, flip_ud]", "pair: [flip_lr, flip_ud"), "6:8: malformed YAML here: is a '[' or '{' left open?");
        ShouldFail(Samples.With("seed: 1\n", "seed: 1\nseed: 2\n"), "6:1: Duplicate key seed");
    }

    [Fact]
    public void The_id_must_be_the_file_name() =>
        ShouldFail(Samples.With("id: sample", "id: other"), "1:5: id 'other' must equal the file name 'sample', so a claim is found by its id");

    [Fact]
    public void An_empty_file_is_an_error() => ShouldFail("", "1:1: the file is empty");

    [Fact]
    public void The_augmentation_names_come_from_the_vocabulary()
    {
        var vocabulary = ExperimentVocabulary.Default with { Augmentations = new HashSet<string> { "flip_lr" } };
        var parse = () => new ExperimentParser(vocabulary, Samples.Baselines).Parse(Samples.ExperimentPath, Samples.ExperimentYaml);

        parse.Should().Throw<ExperimentFormatException>().WithMessage("*unknown augmentation 'flip_ud' (known: flip_lr)");
    }

    [Fact]
    public void A_metric_is_accepted_exactly_when_a_declared_measure_reports_it()
    {
        const string cell = "transfer.flip_lr,flip_ud.rotate_cw,flip_lr.bce.total";
        var claim = Samples.With("metric: lavae.bce.compose", $"metric: \"{cell}\"");
        var withGrid = claim
            .Replace("measures: [reconstruction]", "measures: [reconstruction, transfer]", StringComparison.Ordinal)
            .Replace("models: [lavae, cvae_auginv]\n", "models: [lavae, cvae_auginv]\ntransfer: {sources: [[flip_lr, flip_ud]], targets: [[rotate_cw, flip_lr]]}\n", StringComparison.Ordinal);

        var without = () => Samples.Parse(claim);
        var experiment = Samples.Parse(withGrid);

        without.Should().Throw<ExperimentFormatException>().WithMessage($"*metric '{cell}' is not one this experiment's measures report*");
        experiment.Claims[1].Metrics.Should().Equal(cell, "cvae_auginv.bce.compose");
        experiment.Transfer!.Composition.Should().Be("own", "each head learns its composition unless the file says otherwise");
    }

    [Theory]
    [InlineData("measures: [reconstruction]", "measures: [reconstruction, reconstruction]", "*'reconstruction' is listed twice*")]
    [InlineData("measures: [reconstruction]", "measures: [recon]", "*unknown measure 'recon' (known: *reconstruction*transfer)*")]
    [InlineData("measures: [reconstruction]", "measures: [reconstruction, transfer]", "*'transfer' needs a 'transfer' block*")]
    [InlineData("figures: [reconstruction_grids]", "figures: [transfer_heatmap]", "*'transfer_heatmap' needs a 'transfer' block*")]
    [InlineData("seed: 1\n", "seeds: [1, 1]\n", "*seed 1 is listed twice*")]
    [InlineData("seed: 1\n", "seed: 1\nseeds: [2]\n", "*declare one of 'seed: N' or 'seeds: [N, ...]'*")]
    [InlineData("pair: [flip_lr, flip_ud]", "pair: [flip_lr, flip_ud]\npairs: [[flip_lr, flip_ud]]", "*declare one of 'pair: [A1, A2]' or 'pairs: [[A1, A2], ...]'*")]
    [InlineData("pair: [flip_lr, flip_ud]", "pairs: [[flip_lr, flip_ud], [flip_lr, flip_ud]]", "*pair flip_lr,flip_ud is listed twice*")]
    [InlineData("pair: [flip_lr, flip_ud]", "pairs: [[flip_lr, flip_ud], [flip_lr]]", "*'pairs[1]' must list two augmentations (A1, A2), found 1*")]
    [InlineData("pair: [flip_lr, flip_ud]", "pairs: [[flip_lr, flip_ud], [rotate_cw, flip_lr]]", "*'reconstruction' measures the listed 'models' on one 'pair'*")]
    [InlineData("    profiles: [smoke, paper]", "    profiles: [smoke, paper]\n    on: median", "*'on' must be 'mean' or 'every_seed', found 'median'*")]
    public void New_schema_keys_are_checked_where_they_are_written(string snippet, string replacement, string expected)
    {
        var parse = () => Samples.Parse(Samples.With(snippet, replacement));

        parse.Should().Throw<ExperimentFormatException>().WithMessage(expected);
    }

    [Fact]
    public void Seeds_and_a_claim_on_every_seed_are_read()
    {
        var experiment = Samples.Parse(Samples.With("seed: 1\n", "seeds: [1, 2, 3]\n")
            .Replace("    profiles: [smoke, paper]", "    profiles: [smoke, paper]\n    on: every_seed", StringComparison.Ordinal));

        experiment.Seeds.Should().Equal(1, 2, 3);
        experiment.Claims.Select(c => c.EverySeed).Should().Equal(false, true);
    }

    [Fact]
    public void One_pair_under_pairs_reads_as_pair_and_is_the_same_run()
    {
        var one = Samples.Parse(Samples.With("pair: [flip_lr, flip_ud]", "pairs: [[flip_lr, flip_ud]]"));

        one.Pair.Should().Equal("flip_lr", "flip_ud");
        one.Pairs.Should().HaveCount(1);
        RunKey.Compute(one.Resolve("smoke").Run, "cpu", ["a"]).Should().Be(
            RunKey.Compute(Samples.Parse(Samples.ExperimentYaml).Resolve("smoke").Run, "cpu", ["a"]),
            "'pairs' with one pair is the same run as 'pair'");
    }

    [Fact]
    public void A_design_with_several_pairs_has_no_single_pair_and_trains_models_on_each()
    {
        var run = Samples.Parse(Samples.ExperimentYaml).Resolve("paper").Run with
        {
            Pairs = [["flip_lr", "flip_ud"], ["rotate_cw", "flip_lr"]],
        };

        run.Pair.Should().BeNull("no single pair is declared");
        run.Design().Pairs.Select(p => string.Join(',', p)).Should().Equal("flip_lr,flip_ud", "rotate_cw,flip_lr");
        run.Design().Model("lavae", run.Design().Pairs[1], 1).PairName.Should().Be("rotate_cw,flip_lr");
        var single = () => run.Design().Model("lavae", 1);
        single.Should().Throw<InvalidOperationException>();
        RunKey.Compute(run, "cpu", ["a"]).Should().NotBe(RunKey.Compute(run with { Pairs = [["flip_lr", "flip_ud"]] }, "cpu", ["a"]));
    }

    private static void ShouldFail(string yaml, string expected)
    {
        var parse = () => Samples.Parse(yaml);

        parse.Should().Throw<ExperimentFormatException>().Which.Message.Should().Be($"{Samples.ExperimentPath}:{expected}");
    }
}
