using LaVae.Data;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Torch;
using LaVae.Torch.Serialization;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// CSVAE's one stage resumes as every other stage does (see <see cref="ResumeTests"/>): its checkpoint
/// holds the adversary with the model and both optimizers' moments, so a run resumed after a crash ends
/// bit-identical to one that never stopped.
/// </summary>
public sealed class CsvaeResumeTests : IDisposable
{
    private const string Key = "run-key";
    private readonly TempFolder folder = new();
    private readonly AlignedSets train = Tiny.Sets(24, seed: 1);

    public void Dispose()
    {
        train.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void A_csvae_run_resumed_after_a_crash_ends_bit_identical_to_an_uninterrupted_one()
    {
        var reference = Csvae("reference", new RecordingProgress());
        var crash = () => Csvae("crashed", new RecordingProgress("csvae", 2, 1));
        crash.Should().Throw<SimulatedCrashException>();

        var resumed = new RecordingProgress();
        var final = Csvae("crashed", resumed);

        TinyTraining.Changed(reference, final).Should().BeEmpty();
        resumed.Events.Should().Equal("csvae/csvae started at epoch 2");
        reference.Keys.Should().Contain(name => name.StartsWith("adversary.", StringComparison.Ordinal), "the adversary is part of the model");
    }

    [Fact]
    public void A_checkpoint_mid_stage_holds_both_optimizers_moments_and_a_resumed_run_needs_both()
    {
        var crash = () => Csvae("crashed", new RecordingProgress("csvae", 1, 0));
        crash.Should().Throw<SimulatedCrashException>();

        var saved = SafeTensors.Load(folder.File("crashed.safetensors")).Tensors;
        using var model = CsvaeTests.Tiny();
        var vaeCount = model.VaeParameters().Count;
        var adversaryCount = model.Adversary.parameters().Count();
        saved.Keys.Where(k => k.StartsWith("optimizer.", StringComparison.Ordinal) && !k.Contains('/', StringComparison.Ordinal))
            .Should().HaveCount(1 + (2 * vaeCount), "the model's optimizer: its step and two moments per parameter");
        saved.Keys.Where(k => k.StartsWith("optimizer.1/", StringComparison.Ordinal))
            .Should().HaveCount(1 + (2 * adversaryCount), "the adversary's optimizer, under its own prefix");
        saved["optimizer.step"].ToDouble().Should().Be(saved["optimizer.1/step"].ToDouble(), "the two alternate, one step each per batch");
        saved["optimizer.step"].ToDouble().Should().Be(6, "one epoch of 96 examples in batches of 16 was checkpointed");
    }

    private Dictionary<string, float[]> Csvae(string name, RecordingProgress progress)
    {
        var trainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(progress), Key);
        using var model = trainers.TrainCsvae("csvae", () => train, folder.File($"{name}.safetensors"));
        return TinyTraining.Snapshot(model);
    }
}
