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
            .Should().Equal(YamlFiles(ExperimentCatalog.ExperimentsFolder));
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
        experiment.Profiles.Should().Equal("paper", "smoke");

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

        paper.Should().Be(new TrainingSettings(
            Filters: 64, LatentDim: 16, BatchSize: 64, LearningRate: 0.001, KlWeight: 1.0, InvolutoryWeight: 1.0,
            TrainImages: 60000, TestImages: 10000, Stage1Epochs: 100, Stage2Epochs: 60, Stage3Epochs: 100, CvaeEpochs: 100, ClassifierEpochs: 10,
            CheckpointEvery: 10));
        var smoke = experiment.Resolve("smoke").Run.Settings;
        smoke.Should().Be(
            paper with
            {
                TrainImages = smoke.TrainImages, TestImages = smoke.TestImages, Stage1Epochs = smoke.Stage1Epochs,
                Stage2Epochs = smoke.Stage2Epochs, Stage3Epochs = smoke.Stage3Epochs, CvaeEpochs = smoke.CvaeEpochs,
                ClassifierEpochs = smoke.ClassifierEpochs,
            },
            "the smoke profile only scales data and epochs; the model and optimiser are the paper's");
        ((long)smoke.TrainImages * smoke.Stage1Epochs).Should().BeLessThan((long)paper.TrainImages * paper.Stage1Epochs / 50, "smoke must fit a 2-core CI run");
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
