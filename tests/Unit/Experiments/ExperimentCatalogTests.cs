using LaVae.Tests.Unit.Training;
using LaVae.Training;
using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

public class ExperimentCatalogTests
{
    private static readonly ExperimentCatalog Catalog = ExperimentCatalog.Load(RepoRoot.Path);

    // Loading parses every file strictly, so a malformed experiment or baseline fails here, in CI.
    [Fact]
    public void Every_experiment_and_baseline_file_parses()
    {
        Catalog.Experiments.Select(experiment => experiment.SourcePath)
            .Should().Equal(YamlFiles(ExperimentCatalog.ExperimentsFolder).Where(path => path != "experiments/settings.yaml"), "settings.yaml is what they share, not an experiment");
        Catalog.Baselines.TableIds.Order(StringComparer.Ordinal)
            .Should().Equal(YamlFiles(ExperimentCatalog.BaselinesFolder).Select(Path.GetFileNameWithoutExtension));
    }

    [Fact]
    public void Table_I_flips_declares_every_cell_for_the_paper_and_the_orderings_for_both_profiles()
    {
        var experiment = Catalog.Find("table1-flips");

        experiment.SourcePath.Should().Be("experiments/table1-flips.yaml");
        experiment.Dataset.Should().Be("mnist");
        experiment.Pair.Should().Equal("flip_lr", "flip_ud");
        experiment.Models.Should().Equal("lavae", "cvae_trad", "cvae_auginv", "csvae");
        experiment.Profiles.Should().Equal("ladder", "paper", "smoke");

        var paper = experiment.Resolve("paper");
        // CSVAE is not in the paper: it has smoke claims only.
        var cells = from model in new[] { "lavae", "cvae_trad", "cvae_auginv" }
                    from column in new[] { "orig", "aug1", "aug2", "compose", "total" }
                    select $"{model}.bce.{column}";
        paper.Claims.Where(claim => claim.Metrics.Count == 1).SelectMany(claim => claim.Metrics).Should().BeEquivalentTo(cells);
        experiment.Resolve("smoke").Claims.Select(claim => claim.Id).Should().Equal(
            "total-ordering", "lavae-composes-better", "csvae-total-above-lavae-and-cvae-auginv", "lavae-composes-better-than-csvae", "csvae-reconstructs");
        paper.Claims.Single(claim => claim.Id == "total-ordering").Metrics
            .Should().Equal("lavae.bce.total", "cvae_auginv.bce.total", "cvae_trad.bce.total");
    }

    [Fact]
    public void Table_I_flips_settings_follow_the_papers_section_2_and_the_smoke_profile_is_small()
    {
        var experiment = Catalog.Find("table1-flips");
        var paper = experiment.Resolve("paper").Run.Settings;

        paper.Should().Be(TestSettings.Of(
            filters: 64, latent: 16, batchSize: 64, learningRate: 0.001, klWeight: 1.0, involutoryWeight: 1.0,
            trainImages: 60000, testImages: 10000, stage1: 100, stage2: 60, stage3: 100, cvae: 100, classifier: 10,
            checkpointEvery: 10));
        var smoke = experiment.Resolve("smoke").Run.Settings;
        Setting[] scale = [Setting.TrainImages, Setting.TestImages, Setting.Stage1Epochs, Setting.Stage2Epochs, Setting.Stage3Epochs, Setting.CvaeEpochs, Setting.ClassifierEpochs];
        smoke.Should().Be(
            scale.Aggregate(paper, (settings, setting) => settings.With(setting, smoke.Value(setting))),
            "the smoke profile only scales data and epochs; the model and optimiser are the paper's");
        ((long)smoke[Setting.TrainImages] * smoke[Setting.Stage1Epochs]).Should().BeLessThan(
            (long)paper[Setting.TrainImages] * paper[Setting.Stage1Epochs] / 50, "smoke must fit a 2-core CI run");
    }

    [Fact]
    public void Finding_an_unknown_experiment_lists_the_known_ones()
    {
        var find = () => Catalog.Find("table-one");

        find.Should().Throw<KeyNotFoundException>().WithMessage("no experiment 'table-one' (known: *table1-flips*)");
    }

    [Fact]
    public void A_yml_file_is_an_error_rather_than_silently_skipped()
    {
        using var repo = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(repo.Path, ExperimentCatalog.BaselinesFolder));
        Directory.CreateDirectory(Path.Combine(repo.Path, ExperimentCatalog.ExperimentsFolder));
        File.WriteAllText(Path.Combine(repo.Path, ExperimentCatalog.ExperimentsFolder, "x.yml"), "id: x\n");

        var load = () => ExperimentCatalog.Load(repo.Path);

        load.Should().Throw<ExperimentFormatException>().WithMessage("experiments/x.yml:1:1: use the '.yaml' extension*");
    }

    private static List<string> YamlFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, folder), "*.yaml")
            .Select(file => Path.GetRelativePath(RepoRoot.Path, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
