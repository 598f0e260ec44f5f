using LaVae.Artifacts;
using LaVae.DataFetching;
using LaVae.Tests.Unit.Support;
using LaVae.Tests.Unit.Training;
using LaVae.Torch.Serialization;
using LaVae.Training;

namespace LaVae.Tests.Unit.Artifacts;

/// <summary>
/// A part whose checkpoint is found unresumable only once a stage starts (optimizer moments that do not
/// fit the stage's parameters) is not lost: the store sets the file aside, says so in one line, and the
/// part is built and trained again from the start, ending where an uninterrupted training ends.
/// </summary>
public sealed class UnresumableCheckpointRetryTests : IDisposable
{
    private static readonly TrainingSettings Tiny = TestSettings.Of(
        filters: 4, latent: 16, batchSize: 64, learningRate: 1e-3, klWeight: 1, involutoryWeight: 1, trainImages: 128, testImages: 16,
        stage1: 2, stage2: 1, stage3: 1, cvae: 2, classifier: 1, checkpointEvery: 1);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Optimizer_moments_that_do_not_fit_set_the_checkpoint_aside_and_the_part_is_trained_from_the_start()
    {
        var spec = new ArtifactSpec("cvae_trad", "mnist", ["flip_lr", "flip_ud"], 1, Tiny);
        var reference = Trained("reference", spec, new RecordingProgress(), _ => { });

        var crash = () => Trained("tampered", spec, new RecordingProgress("cvae", 1, 0), _ => { });
        crash.Should().Throw<SimulatedCrashException>();
        var path = Directory.GetFiles(folder.File("tampered"), "checkpoint.safetensors", SearchOption.AllDirectories).Single();
        var saved = SafeTensors.Load(path, CPU, requireChecksum: true);
        var tensors = new Dictionary<string, Tensor>(saved.Tensors);
        tensors[tensors.Keys.First(name => name.StartsWith("optimizer.0.", StringComparison.Ordinal))] = zeros(3);
        SafeTensors.Save(path, tensors, saved.Metadata);

        var notices = new List<string>();
        var retrained = Trained("tampered", spec, new RecordingProgress(), notices.Add);

        notices.Should().ContainSingle().Which.Should().Match($"{path} cannot be resumed (optimizer state '0.*' is missing or has the wrong shape); it was moved to {path}.damaged-* and training starts from the beginning.");
        TinyTraining.Changed(reference, retrained).Should().BeEmpty("the part retrained from the start is the uninterrupted one");
    }

    private Dictionary<string, float[]> Trained(string store, ArtifactSpec spec, RecordingProgress progress, Action<string> notice)
    {
        using var sets = new TrainingSets(DatasetStore.Open(), CPU);
        using var provider = new ArtifactProvider(new ArtifactStore(folder.File(store)), new ArtifactGraph("cpu"), "cpu", CPU, progress, sets, notice);
        var node = provider.Node(spec);
        var model = provider.Get(node);
        provider.Store.StateOf(node).Should().Be(ArtifactState.Done);
        return TinyTraining.Snapshot(model);
    }
}
