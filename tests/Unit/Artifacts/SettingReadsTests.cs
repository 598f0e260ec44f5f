using LaVae.Artifacts;
using LaVae.Artifacts.Kinds;
using LaVae.Data;
using LaVae.Tests.Unit.Support;
using LaVae.Tests.Unit.Training;
using LaVae.Training;
using LaVae.DataFetching;

namespace LaVae.Tests.Unit.Artifacts;

/// <summary>
/// Every model kind is trained, tiny, with settings that report each read: what its training reads is
/// exactly what its identity (and so its artifact key) lists. A read missing from the identity would
/// let two runs with different values share one artifact silently; a listed setting never read would
/// retrain for nothing. Settings that change no number (<see cref="SettingEffect.Nothing"/>) may be read freely.
/// </summary>
public sealed class SettingReadsTests : IDisposable
{
    private static readonly string[] Pair = ["flip_lr", "flip_ud"];

    // 1,000 training digits: the downstream classifiers and the 1,000-image fine-tuning need them.
    private static readonly TrainingSettings Tiny = TestSettings.Of(
        filters: 4, latent: 16, batchSize: 64, learningRate: 1e-3, klWeight: 1, involutoryWeight: 1, trainImages: 1000, testImages: 16,
        stage1: 1, stage2: 1, stage3: 1, cvae: 1, classifier: 1, checkpointEvery: 1);

    private readonly TempFolder store = new();

    public static TheoryData<string> Kinds => [.. ModelKinds.All.Select(kind => kind.Name)];

    public void Dispose() => store.Dispose();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Training_a_kind_reads_exactly_the_settings_its_identity_lists(string name)
    {
        var kind = ModelKinds.Get(name);
        var reads = new HashSet<Setting>();
        var spec = Spec(kind, Tiny.Observed(setting => reads.Add(setting)));

        Train(spec);

        reads.Should().NotBeEmpty("the observed settings reach the training");
        reads.Where(setting => setting.Effect != SettingEffect.Nothing).Select(setting => setting.Key)
            .Should().BeEquivalentTo(kind.Identity.Select(setting => setting.Key), "{0}'s identity must list what its training reads", name);
    }

    [Fact]
    public void A_read_the_identity_misses_is_seen()
    {
        var reads = new HashSet<Setting>();
        var spec = Spec(ModelKinds.Get("lavae"), Tiny.Observed(setting => reads.Add(setting)));

        Train(spec);

        reads.Should().Contain([Setting.KlWeight, Setting.InvolutoryWeight, Setting.Stage2Epochs],
            "these are read while training, so an identity without one of them fails the test above");
        reads.Should().NotContain([Setting.Stage3Epochs, Setting.CvaeEpochs, Setting.TestImages], "a latent space trains no head, no CVAE, and measures nothing");
    }

    // The part under test has the observed settings; the part it reads (a latent space, the other
    // dataset's VAE) has equal ones that report nothing, as its reads are its own identity's.
    private static ArtifactSpec Spec(IModelKind kind, TrainingSettings observed)
    {
        if (kind is FinetunedDecoderKind finetuned)
        {
            var encoderVae = new ArtifactSpec("vae", "mnist", ArtifactSpec.NoPair, 2, Tiny);
            return FinetunedDecoderKind.Spec(finetuned.Images, encoderVae, new ArtifactSpec("vae", "mnist", ArtifactSpec.NoPair, 1, observed));
        }

        var spec = new ArtifactSpec(kind.Name, "mnist", kind.TrainsOnPair ? Pair : ArtifactSpec.NoPair, 1, observed);
        return kind.NeedsSource
            ? spec with { Source = new ArtifactSpec("lavae", "mnist", Pair, 1, Tiny) }
            : spec with { Source = kind.BuildsOn(spec with { Settings = Tiny }) };
    }

    private void Train(ArtifactSpec spec)
    {
        using var sets = new TrainingSets(DatasetStore.Open(), CPU);
        var graph = new ArtifactGraph("cpu");
        using var provider = new ArtifactProvider(new ArtifactStore(store.Path), graph, "cpu", CPU, new RecordingProgress(), sets, _ => { });
        var node = provider.Node(spec);
        provider.Get(node);

        // Its FinalStage names the stage its training checkpoints last, or a trained part would never count as done.
        provider.Store.StateOf(node).Should().Be(ArtifactState.Done, "{0} has just been trained", spec.Kind);
    }
}
