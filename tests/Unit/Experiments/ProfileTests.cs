using LaVae.Tests.Unit.Training;
using LaVae.Training;
using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

public class ProfileTests
{
    private readonly Experiment experiment = Samples.Parse(Samples.ExperimentYaml);

    [Fact]
    public void The_paper_profile_is_the_settings_block()
    {
        var resolved = experiment.Resolve("paper");

        resolved.Run.Should().BeEquivalentTo(new
        {
            Dataset = "mnist",
            Seeds = new[] { 1 },
            Pair = new[] { "flip_lr", "flip_ud" },
            Models = new[] { "lavae", "cvae_auginv" },
            Profile = "paper",
            Settings = TestSettings.Of(
                filters: 64, latent: 16, batchSize: 64, learningRate: 0.001, klWeight: 1.0, involutoryWeight: 1.0,
                trainImages: 60000, testImages: 10000, stage1: 100, stage2: 60, stage3: 100, cvae: 100, classifier: 10,
                checkpointEvery: 10),
        });
    }

    [Fact]
    public void A_profile_overrides_only_what_it_names_and_nested_maps_merge_per_key()
    {
        var settings = experiment.Resolve("smoke").Run.Settings;

        settings.Should().Be(experiment.Resolve("paper").Run.Settings.With(Setting.TrainImages, 2000).With(Setting.Stage1Epochs, 4));
    }

    [Fact]
    public void Only_the_profiles_claims_and_snapshots_apply()
    {
        var smoke = experiment.Resolve("smoke");
        var paper = experiment.Resolve("paper");

        smoke.Claims.Select(claim => claim.Id).Should().Equal("composes-better");
        smoke.Snapshots.Select(snapshot => snapshot.Name).Should().Equal("lavae-reconstructions");
        paper.Claims.Select(claim => claim.Id).Should().Equal("lavae-total-near-paper", "composes-better");
        paper.Snapshots.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_profile_lists_the_known_ones()
    {
        var resolve = () => experiment.Resolve("smok");

        resolve.Should().Throw<ArgumentException>()
            .WithMessage("experiment 'sample' (experiments/sample.yaml) has no profile 'smok' (known: paper, smoke)*");
    }
}
