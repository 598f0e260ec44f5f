using LaVae.Experiments;
using LaVae.Training;

namespace LaVae.Tests.Unit.Experiments;

public class SettingOverridesTests
{
    [Fact]
    public void Key_equals_number_assignments_are_read_by_the_settings_schema()
    {
        var overrides = SettingOverrides.Parse(["epochs.stage1=20", "kl_weight=5", "learning_rate=1e-4"]);

        overrides.Should().Equal(new Dictionary<string, double> { ["epochs.stage1"] = 20, ["kl_weight"] = 5, ["learning_rate"] = 1e-4 });
    }

    [Theory]
    [InlineData("epochs.stage1", "--set epochs.stage1: write key=number with a setting's key, e.g. --set epochs.stage1=20 (`lavae settings` lists them)")]
    [InlineData("epochs.stage1=twenty", "--set epochs.stage1=twenty: write key=number *")]
    [InlineData("epochs.stage9=3", "--set epochs.stage9=3: unknown key 'stage9' in 'epochs' (known: *)")]
    [InlineData("epoch=3", "--set epoch=3: unknown key 'epoch' at the top level (known: *)")]
    [InlineData("epochs.stage1=-1", "--set epochs.stage1=-1: 'epochs.stage1' must be at least 0, found -1")]
    [InlineData("batch_size=2.5", "--set batch_size=2.5: 'batch_size' must be an integer, found '2.5'")]
    [InlineData("epochs=3", "--set epochs=3: 'epochs' must be a mapping, found '3'")]
    public void A_bad_assignment_is_refused_with_the_reason_a_settings_block_gives(string assignment, string expected)
    {
        var parse = () => SettingOverrides.Parse([assignment]);

        parse.Should().Throw<FormatException>().WithMessage(expected);
    }

    [Fact]
    public void Overrides_are_laid_over_the_profile_and_named_in_the_run_definition()
    {
        var experiment = Samples.Parse(Samples.ExperimentYaml);

        var plain = experiment.Resolve("smoke").Run;
        var overridden = experiment.Resolve("smoke", SettingOverrides.Parse(["epochs.stage1=7"])).Run;

        plain.Settings[Setting.Stage1Epochs].Should().Be(4, "the smoke profile's value");
        overridden.Settings[Setting.Stage1Epochs].Should().Be(7);
        overridden.Settings[Setting.TrainImages].Should().Be(plain.Settings[Setting.TrainImages], "the profile's other values stay");
        overridden.Overridden.Should().Equal(new Dictionary<string, double> { ["epochs.stage1"] = 7 });
        RunKey.Compute(overridden, "cpu", []).Value.Should().NotBe(RunKey.Compute(plain, "cpu", []).Value, "an override enters the run key");
    }
}
