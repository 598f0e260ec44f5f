using System.Text.Json;
using LaVae.Experiments;
using LaVae.Reports;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>The declarations every use of a setting derives from, and the settings values built on them.</summary>
public class SettingTests
{
    private static readonly TrainingSettings Sample = TinyTraining.Settings();

    [Fact]
    public void Every_setting_has_one_key_a_bound_and_a_meaning()
    {
        Setting.All.Select(setting => setting.Key).Should().OnlyHaveUniqueItems().And.AllSatisfy(key => key.Should().MatchRegex("^[a-z0-9_]+(\\.[a-z0-9_]+)?$"));
        Setting.All.Should().AllSatisfy(setting => setting.Meaning.Should().NotBeNullOrWhiteSpace().And.NotContain("|", "it is a Markdown table cell"));
        Setting.Find("epochs.stage1").Should().BeSameAs(Setting.Stage1Epochs);
        Setting.CheckpointEvery.Effect.Should().Be(SettingEffect.Nothing);
        Setting.TestImages.Effect.Should().Be(SettingEffect.Measurements);
    }

    [Theory]
    [InlineData("filters", 0, false)]
    [InlineData("filters", 1, true)]
    [InlineData("filters", 1.5, false)]
    [InlineData("learning_rate", 0, false)]
    [InlineData("learning_rate", 1e-9, true)]
    [InlineData("kl_weight", 0, true)]
    [InlineData("kl_weight", double.NaN, false)]
    [InlineData("epochs.stage1", 0, true)]
    [InlineData("epochs.stage1", -1, false)]
    [InlineData("train_images", 3e9, false)]
    [InlineData("filters", 1024, true)]
    [InlineData("filters", 1025, false)]
    [InlineData("latent", 4096, true)]
    [InlineData("latent", 4097, false)]
    public void A_value_is_allowed_by_its_type_and_bound(string key, double value, bool allowed) =>
        Setting.Find(key).Allows(value).Should().Be(allowed);

    [Fact]
    public void Settings_need_every_declared_value_within_its_bound()
    {
        var values = Setting.All.ToDictionary(setting => setting, Sample.Value);
        values.Remove(Setting.Latent);
        var missing = () => new TrainingSettings(values);
        var outOfBound = () => Sample.With(Setting.BatchSize, 0);
        var tooLarge = () => Sample.With(Setting.Filters, 100_000);

        missing.Should().Throw<ArgumentException>().WithMessage("setting 'latent' has no value*");
        outOfBound.Should().Throw<ArgumentException>().WithMessage("setting 'batch_size' must be integer ≥ 1, found 0*");
        tooLarge.Should().Throw<ArgumentException>().WithMessage("setting 'filters' must be integer ≥ 1, ≤ 1024, found 100000*");
    }

    [Fact]
    public void Settings_are_equal_by_value_and_an_observed_copy_reports_training_reads_but_not_key_reads()
    {
        var reads = new List<string>();
        var observed = Sample.Observed(setting => reads.Add(setting.Key));

        observed.Should().Be(Sample).And.NotBeSameAs(Sample);
        observed.GetHashCode().Should().Be(Sample.GetHashCode());
        observed[Setting.BatchSize].Should().Be(16);
        observed[Setting.LearningRate].Should().Be(1e-3);
        _ = observed.KeyValue(Setting.Filters);
        observed.With(Setting.KlWeight, 2)[Setting.KlWeight].Should().Be(2, "a copy keeps observing");

        reads.Should().Equal("batch_size", "learning_rate", "kl_weight");
        Sample.With(Setting.KlWeight, 2).Should().NotBe(Sample);
    }

    [Fact]
    public void Settings_in_json_are_one_flat_object_by_yaml_key_and_read_back_equal()
    {
        var json = JsonSerializer.Serialize(Sample);

        json.Should().StartWith("{\"filters\":4,\"latent\":16,").And.Contain("\"epochs.stage1\":2");
        JsonSerializer.Deserialize<TrainingSettings>(json).Should().Be(Sample);
        var renamed = () => JsonSerializer.Deserialize<TrainingSettings>(json.Replace("\"latent\"", "\"latent_dim\"", StringComparison.Ordinal));
        renamed.Should().Throw<JsonException>().WithMessage("unknown setting 'latent_dim'");
    }

    [Fact]
    public void The_readmes_settings_table_is_the_one_made_from_the_declarations()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md")).ReplaceLineEndings("\n");
        var expected = SettingsTable.Markdown(ExperimentCatalog.Load(RepoRoot.Path));

        readme.Should().Contain(expected, "README's table is `lavae settings` output; regenerate it after changing a declaration or experiments/settings.yaml");
        expected.Split('\n').Should().Contain(line => line.StartsWith("| `epochs.stage1` | integer ≥ 0 | 100 | 8 | 8 | trained weights |", StringComparison.Ordinal));
    }
}
