using System.Text;
using LaVae.Artifacts;
using LaVae.Measures;
using LaVae.Tests.Unit.Training;
using LaVae.Training;

namespace LaVae.Tests.Unit.Artifacts;

/// <summary>The classifier as a trained part: it reads no pair, and its key follows only what trains it.</summary>
public class ClassifierArtifactTests
{
    private const string Environment = "cpu/threads=2";

    private static readonly ExperimentDesign Design = new("mnist", ["flip_lr", "flip_ud"], ["lavae"], null, TinyTraining.Settings());

    private static string Key(ArtifactSpec spec) => ArtifactKey.Compute(spec, Environment);

    private static ArtifactSpec Classifier(Func<TrainingSettings, TrainingSettings>? edit = null) =>
        Design.Classifier(1) with { Settings = (edit ?? (s => s))(Design.Settings) };

    [Fact]
    public void A_classifier_has_no_pair_and_its_canonical_form_says_so_with_its_own_settings_only()
    {
        var spec = Design.Classifier(seed: 1);

        spec.Pair.Should().BeEmpty();
        spec.HasPair.Should().BeFalse();
        spec.Describe().Should().Be("Classifier on mnist's originals (seed 1)");
        Encoding.UTF8.GetString(ArtifactKey.CanonicalJson(spec, Environment)).Should().Be(
            $$$"""{"key_format":2,"kind":"classifier","training_code":"{{{CodeVersion.Training}}}","environment":"cpu/threads=2","dataset":"mnist","pair":"","seed":1,"settings":{"batch_size":16,"learning_rate":0.001,"train_images":16,"epochs.classifier":2}}""");
    }

    [Fact]
    public void Its_key_ignores_the_vae_settings_and_changes_with_its_own()
    {
        var key = Key(Classifier());

        Key(Classifier(s => s.With(Setting.Filters, 8).With(Setting.Latent, 8).With(Setting.KlWeight, 5).With(Setting.Stage1Epochs, 9)
            .With(Setting.CvaeEpochs, 9).With(Setting.TestImages, 99))).Should().Be(key);
        var changed = new[]
        {
            Key(Classifier(s => s.With(Setting.ClassifierEpochs, s[Setting.ClassifierEpochs] + 1))),
            Key(Classifier(s => s.With(Setting.TrainImages, s[Setting.TrainImages] + 1))),
            Key(Classifier(s => s.With(Setting.BatchSize, s[Setting.BatchSize] + 1))),
            Key(Classifier(s => s.With(Setting.LearningRate, s[Setting.LearningRate] / 10))),
            Key(Design.Classifier(2)),
            Key(Design.Classifier(1) with { Dataset = "fashion-mnist" }),
        };
        changed.Should().OnlyHaveUniqueItems().And.NotContain(key);
    }

    [Fact]
    public void It_cannot_be_listed_under_models_since_those_all_train_on_the_pair()
    {
        ModelKinds.Listable.Should().NotContainKey("classifier");
        ModelKinds.Get("classifier").TrainsOnPair.Should().BeFalse();
        ModelKinds.Listable.Should().ContainKeys("lavae", "cvae_trad", "cvae_auginv");
    }
}
