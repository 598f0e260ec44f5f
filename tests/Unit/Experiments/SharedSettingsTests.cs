using LaVae.Experiments;
using LaVae.Tests.Unit.Support;
using LaVae.Training;

namespace LaVae.Tests.Unit.Experiments;

/// <summary>
/// experiments/settings.yaml holds the settings and profiles every experiment extends: a file overrides
/// only what differs, a profile resolves as shared settings, own settings, shared profile, own profile,
/// and every error names the file and line where the offending value was written.
/// </summary>
public sealed class SharedSettingsTests : IDisposable
{
    // Line numbers matter: tests quote them.
    private const string Shared = $$$"""
        {{{Samples.PaperSettings}}}profiles:
          smoke: {train_images: 4000, epochs: {stage1: 8}}
          paper: {}

        """;

    private const string Experiment = """
        id: tiny
        title: "Tiny"
        paper: "none"
        dataset: mnist
        seed: 1
        pair: [flip_lr, flip_ud]
        models: [lavae]
        measures: [reconstruction]

        """;

    private readonly TempFolder repo = new();

    public void Dispose() => repo.Dispose();

    [Fact]
    public void An_experiment_without_settings_resolves_to_the_shared_settings_and_profiles()
    {
        var experiment = Load(Shared, Experiment);

        experiment.Profiles.Should().Equal("paper", "smoke");
        var paper = experiment.Resolve("paper").Run.Settings;
        paper[Setting.TrainImages].Should().Be(60000);
        paper[Setting.LearningRate].Should().Be(0.001);
        experiment.Resolve("smoke").Run.Settings.Should().Be(paper.With(Setting.TrainImages, 4000).With(Setting.Stage1Epochs, 8));
    }

    [Fact]
    public void Own_settings_and_profiles_override_only_what_they_name_in_the_order_shared_own_shared_profile_own_profile()
    {
        var experiment = Load(Shared, Experiment + """
            settings: {kl_weight: 2.0, train_images: 30000, epochs: {stage2: 40}}
            profiles:
              smoke: {epochs: {stage2: 3}}

            """);

        var paper = experiment.Resolve("paper").Run.Settings;
        paper[Setting.KlWeight].Should().Be(2.0);
        paper[Setting.TrainImages].Should().Be(30000);
        paper[Setting.Stage2Epochs].Should().Be(40);
        paper[Setting.Stage1Epochs].Should().Be(100, "nested maps merge per key");
        var smoke = experiment.Resolve("smoke").Run.Settings;
        smoke[Setting.KlWeight].Should().Be(2.0, "a profile keeps what it does not name");
        smoke[Setting.TrainImages].Should().Be(4000, "the shared smoke profile is laid over the experiment's settings");
        smoke[Setting.Stage1Epochs].Should().Be(8);
        smoke[Setting.Stage2Epochs].Should().Be(3, "the experiment's own profile comes last");
    }

    [Fact]
    public void A_setting_neither_file_gives_is_an_error_naming_the_key_and_both_places()
    {
        var load = () => Load(Shared.Replace("  checkpoint_every: 10\n", "", StringComparison.Ordinal), Experiment);

        load.Should().Throw<ExperimentFormatException>().WithMessage(
            "experiments/tiny.yaml:1:1: no value for 'checkpoint_every': set it under 'settings' in experiments/settings.yaml (shared by every experiment) or in this file");
    }

    [Fact]
    public void A_shared_value_that_breaks_an_experiment_is_blamed_where_it_is_written()
    {
        var load = () => Load(Shared.Replace("smoke: {train_images: 4000", "smoke: {train_images: 70000", StringComparison.Ordinal), Experiment);

        load.Should().Throw<ExperimentFormatException>().WithMessage(
            "experiments/settings.yaml:13:25: 'profiles.smoke.train_images' is 70000, but mnist has 60000 training images");
    }

    [Fact]
    public void A_profile_the_shared_file_does_not_declare_is_refused_at_its_name()
    {
        var load = () => Load(Shared, Experiment + "profiles:\n  smok: {train_images: 100}\n");

        load.Should().Throw<ExperimentFormatException>().WithMessage(
            "experiments/tiny.yaml:10:3: profile 'smok' is not declared in experiments/settings.yaml (known: paper, smoke); a file overrides the shared profiles only");
    }

    [Theory]
    [InlineData("  paper: {}\n", "  paper: {filters: 8}\n", "experiments/settings.yaml:14:10: the 'paper' profile must be {}: the 'settings' block holds the paper's values")]
    [InlineData("  filters: 64\n", "  filters: 0\n", "experiments/settings.yaml:2:12: 'settings.filters' must be at least 1, found 0")]
    [InlineData("  filters: 64\n", "  filters: 100000\n", "experiments/settings.yaml:2:12: 'settings.filters' must be at most 1024, found 100000")]
    [InlineData("  latent: 16\n", "  latent: 1000000\n", "experiments/settings.yaml:3:11: 'settings.latent' must be at most 4096, found 1000000")]
    [InlineData("  smoke: {train_images: 4000,", "  smoke: {latent: 5000, train_images: 4000,", "experiments/settings.yaml:*: 'profiles.smoke.latent' must be at most 4096, found 5000")]
    [InlineData("settings:\n", "setings:\n", "experiments/settings.yaml:1:1: unknown key 'setings'*")]
    public void A_broken_shared_file_fails_every_load_at_its_own_line(string snippet, string replacement, string expected)
    {
        var shared = Shared.Replace(snippet, replacement, StringComparison.Ordinal);
        shared.Should().NotBe(Shared);

        var load = () => Load(shared, Experiment);
        var loadEach = () => Catalog(shared, Experiment, each: true);

        load.Should().Throw<ExperimentFormatException>().WithMessage(expected);
        loadEach.Should().Throw<ExperimentFormatException>("every experiment extends it, so no experiment can be set apart from it").WithMessage(expected);
    }

    [Fact]
    public void Without_a_shared_file_an_experiment_declares_every_setting_and_its_profiles_itself()
    {
        var experiment = Load(shared: null, Experiment + Shared);

        experiment.Resolve("smoke").Run.Settings[Setting.TrainImages].Should().Be(4000);
    }

    [Fact]
    public void A_folder_where_the_shared_file_should_be_is_an_error_naming_it_not_an_absent_shared_file()
    {
        Directory.CreateDirectory(Path.Combine(repo.Path, ExperimentCatalog.ExperimentsFolder, "settings.yaml"));

        var load = () => Load(shared: null, Experiment + Shared);
        var loadEach = () => Catalog(shared: null, Experiment + Shared, each: true);

        load.Should().Throw<IOException>().WithMessage("experiments/settings.yaml is a folder; it must be the file of the settings and profiles every experiment shares (or be absent)");
        loadEach.Should().Throw<IOException>().WithMessage("experiments/settings.yaml is a folder; *");
    }

    private Experiment Load(string? shared, string experiment) => Catalog(shared, experiment, each: false).Find("tiny");

    private ExperimentCatalog Catalog(string? shared, string experiment, bool each)
    {
        var experiments = Path.Combine(repo.Path, ExperimentCatalog.ExperimentsFolder);
        Directory.CreateDirectory(experiments);
        Directory.CreateDirectory(Path.Combine(repo.Path, ExperimentCatalog.BaselinesFolder));
        if (shared is not null)
        {
            File.WriteAllText(Path.Combine(experiments, "settings.yaml"), shared);
        }

        File.WriteAllText(Path.Combine(experiments, "tiny.yaml"), experiment);
        return each ? ExperimentCatalog.LoadEach(repo.Path) : ExperimentCatalog.Load(repo.Path);
    }
}
