using System.Text;
using LaVae.Artifacts;
using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

public class RunKeyTests
{
    private static readonly string[] Artifacts = ["a1", "b2"];

    private static RunKey Key(string yaml, string profile = "paper", string environment = "cpu", string[]? artifacts = null) =>
        RunKey.Compute(Samples.Parse(yaml).Resolve(profile).Run, environment, artifacts ?? Artifacts);

    [Fact]
    public void The_key_hashes_a_fixed_canonical_form()
    {
        var json = Encoding.UTF8.GetString(RunKey.CanonicalJson(Samples.Parse(Samples.ExperimentYaml).Resolve("smoke").Run, "cpu", ["b2", "a1"]));

        json.Should().Be(
            $$"""{"key_format":3,"library_code":"{{CodeVersion.Library}}","environment":"cpu","dataset":"mnist","seeds":[1],"pair":["flip_lr","flip_ud"],"models":["lavae","cvae_auginv"],"measures":["reconstruction"],"figures":["reconstruction_grids"],"profile":"smoke","settings":{"filters":64,"latent":16,"batch_size":64,"learning_rate":0.001,"kl_weight":1,"involutory_weight":1,"train_images":2000,"test_images":10000,"epochs.stage1":4,"epochs.stage2":60,"epochs.stage3":100,"epochs.cvae":100,"epochs.classifier":10},"artifacts":["a1","b2"]}""",
            "artifact keys are sorted, so the order the graph lists them in does not matter");
        Key(Samples.ExperimentYaml).Value.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Theory]
    [InlineData("relative_tolerance: 0.10", "relative_tolerance: 0.20")]
    [InlineData("description: \"LAVAE composes better\"", "description: \"reworded\"")]
    [InlineData("    profiles: [smoke, paper]", "    profiles: [smoke]")]
    [InlineData("title: \"Sample\"", "title: \"Renamed\"")]
    [InlineData("smoke: {train_images: 2000,", "smoke: {train_images: 1000,")]
    [InlineData("checkpoint_every: 10", "checkpoint_every: 5")]
    public void Edits_that_do_not_change_the_trained_models_keep_the_paper_key(string snippet, string replacement) =>
        Key(Samples.With(snippet, replacement)).Should().Be(Key(Samples.ExperimentYaml));

    [Theory]
    [InlineData("  filters: 64", "  filters: 32")]
    [InlineData("  learning_rate: 0.001", "  learning_rate: 0.0001")]
    [InlineData("stage2: 60", "stage2: 61")]
    [InlineData("seed: 1", "seed: 2")]
    [InlineData("pair: [flip_lr, flip_ud]", "pair: [flip_ud, flip_lr]")]
    [InlineData("models: [lavae, cvae_auginv]", "models: [lavae, cvae_auginv, cvae_trad]")]
    [InlineData("dataset: mnist", "dataset: fashion-mnist")]
    public void Edits_that_change_the_trained_models_change_the_key(string snippet, string replacement) =>
        Key(Samples.With(snippet, replacement)).Should().NotBe(Key(Samples.ExperimentYaml));

    [Fact]
    public void The_profile_and_the_environment_are_part_of_the_key()
    {
        Key(Samples.ExperimentYaml, profile: "smoke").Should().NotBe(Key(Samples.ExperimentYaml));
        Key(Samples.ExperimentYaml, environment: "cuda").Should().NotBe(Key(Samples.ExperimentYaml));
        Key(Samples.ExperimentYaml, artifacts: ["a1", "c3"]).Should().NotBe(Key(Samples.ExperimentYaml), "a retrained part may measure differently");
        Key(Samples.With("smoke: {train_images: 2000,", "smoke: {train_images: 1000,"), profile: "smoke")
            .Should().NotBe(Key(Samples.ExperimentYaml, profile: "smoke"));
    }
}
