using LaVae.Data;
using LaVae.Experiments;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Torch.Serialization;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// Determinism and resumption of <see cref="ModelTrainers"/> and <see cref="ModelTraining"/>: a run
/// that crashes after a checkpoint and is resumed in a fresh model ends bit-identical to a run that
/// never stopped. The crash is an exception thrown from the progress callback after a chosen batch.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private const string Key = "run-key";
    private readonly TempFolder folder = new();
    private readonly AlignedSets train = Tiny.Sets(24, seed: 1);
    private readonly AlignedSets target = Tiny.UnrelatedSets(24, seed: 2);

    public void Dispose()
    {
        train.Dispose();
        target.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_parameters_and_another_seed_does_not()
    {
        var first = Lavae("first", new RecordingProgress());
        var second = Lavae("second", new RecordingProgress());
        var otherSeed = Lavae("other", new RecordingProgress(), seed: 6);

        TinyTraining.Changed(first, second).Should().BeEmpty("two runs with seed 5 must agree to the bit");
        TinyTraining.Changed(first, otherSeed).Should().HaveCount(first.Count, "seed 6 initialises and shuffles differently");
    }

    [Theory]
    [InlineData("stage1", 0, 3, 0)]
    [InlineData("stage1", 1, 2, 1)]
    [InlineData("stage2", 2, 0, 2)]
    [InlineData("stage2", 1, 1, 1)]
    public void A_lavae_run_resumed_after_a_crash_ends_bit_identical_to_an_uninterrupted_one(string stage, int epoch, int batch, int resumedAt)
    {
        var reference = Lavae("reference", new RecordingProgress());
        var crash = () => Lavae("crashed", new RecordingProgress(stage, epoch, batch));
        crash.Should().Throw<SimulatedCrashException>();

        var resumed = new RecordingProgress();
        var final = Lavae("crashed", resumed);

        TinyTraining.Changed(reference, final).Should().BeEmpty("resuming from the checkpoint must retrace the uninterrupted run");
        string[] order = ["stage1", "stage2"];
        var crashed = Array.IndexOf(order, stage);
        resumed.Events.Should().Equal(order.Select((name, i) =>
            i < crashed ? $"lavae/{name} skipped" : $"lavae/{name} started at epoch {(i == crashed ? resumedAt : 0)}"));
        resumed.Batches.Should().NotContain(b => Array.IndexOf(order, b.Stage) < crashed, "finished stages are not trained again");
        resumed.Batches.Where(b => b.Stage == stage).Min(b => b.Epoch).Should().Be(resumedAt);
    }

    [Fact]
    public void A_transfer_head_resumed_after_a_crash_ends_bit_identical_to_an_uninterrupted_one()
    {
        var reference = Head("head-reference", new RecordingProgress());
        var crash = () => Head("head-crashed", new RecordingProgress("stage3", 1, 0));
        crash.Should().Throw<SimulatedCrashException>();

        var resumed = new RecordingProgress();
        var final = Head("head-crashed", resumed);

        TinyTraining.Changed(reference, final).Should().BeEmpty();
        resumed.Events.Should().Equal("head/stage3 started at epoch 1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_cvae_run_resumed_after_a_crash_ends_bit_identical_to_an_uninterrupted_one(bool augmentationInvariant)
    {
        var reference = Cvae("reference", augmentationInvariant, new RecordingProgress());
        var crash = () => Cvae("crashed", augmentationInvariant, new RecordingProgress("cvae", 2, 1));
        crash.Should().Throw<SimulatedCrashException>();

        var resumed = new RecordingProgress();
        var final = Cvae("crashed", augmentationInvariant, resumed);

        TinyTraining.Changed(reference, final).Should().BeEmpty();
        resumed.Events.Should().Equal("cvae/cvae started at epoch 2");
    }

    [Fact]
    public void With_a_checkpoint_every_2_epochs_a_crash_in_epoch_4_resumes_from_epoch_2()
    {
        var settings = TinyTraining.Settings(stage1: 5, stage2: 1, stage3: 0);
        var reference = Lavae("reference", new RecordingProgress(), settings: settings, checkpointEvery: 2);
        var crash = () => Lavae("crashed", new RecordingProgress("stage1", 3, 4), settings: settings, checkpointEvery: 2);
        crash.Should().Throw<SimulatedCrashException>();

        var resumed = new RecordingProgress();
        var final = Lavae("crashed", resumed, settings: settings, checkpointEvery: 2);

        resumed.Events.First().Should().Be("lavae/stage1 started at epoch 2", "epochs 2 and 4 were checkpointed; the crash came before 4 ended");
        TinyTraining.Changed(reference, final).Should().BeEmpty();
    }

    [Fact]
    public void A_finished_run_skips_every_stage_and_loads_the_trained_parameters()
    {
        var trained = Lavae("done", new RecordingProgress());

        var again = new RecordingProgress();
        var reloaded = Lavae("done", again);

        again.Events.Should().Equal("lavae/stage1 skipped", "lavae/stage2 skipped");
        again.Batches.Should().BeEmpty();
        TinyTraining.Changed(trained, reloaded).Should().BeEmpty();
    }

    [Fact]
    public void A_damaged_checkpoint_is_set_aside_and_training_from_the_start_ends_like_an_uninterrupted_run()
    {
        var reference = Lavae("reference", new RecordingProgress());
        var crash = () => Lavae("damaged", new RecordingProgress("stage2", 1, 1));
        crash.Should().Throw<SimulatedCrashException>();
        var path = Checkpoint("damaged");
        var bytes = File.ReadAllBytes(path);
        bytes[^7] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var restarted = new RecordingProgress();
        var final = Lavae("damaged", restarted);

        restarted.Notices.Should().ContainSingle().Which.Should().Match($"{path} is damaged (*checksum*); it was moved to {path}.damaged-* and training starts from the beginning.");
        restarted.Events.Should().Equal("lavae/stage1 started at epoch 0", "lavae/stage2 started at epoch 0");
        TinyTraining.Changed(reference, final).Should().BeEmpty("training again from the start retraces the uninterrupted run");
        folder.AllFiles().Should().ContainSingle(file => file.StartsWith("damaged.safetensors.damaged-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_checkpoint_of_another_run_is_refused_and_left_alone()
    {
        Lavae("mine", new RecordingProgress());
        var path = Checkpoint("mine");
        var bytes = File.ReadAllBytes(path);

        var trainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(new RecordingProgress()), "another-key");
        var act = () => trainers.TrainLavae("lavae", () => train, Tiny.Flips, path, LatentMapKind.Linear);

        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{path} belongs to another run (key {Key}, this run another-key); delete it or use another output folder.");
        File.ReadAllBytes(path).Should().Equal(bytes);
    }

    [Fact]
    public void A_finished_part_loads_without_building_its_training_sets()
    {
        var trainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(new RecordingProgress()), Key);
        var built = 0;
        AlignedSets Counted(AlignedSets sets)
        {
            built++;
            return sets;
        }

        using (trainers.TrainLavae("lavae", () => Counted(train), Tiny.Flips, Checkpoint("space"))) { }
        using (trainers.TrainCvae("cvae", () => Counted(train), augmentationInvariant: false, Checkpoint("cvae"))) { }
        built.Should().Be(2, "an untrained part builds its sets once for all its stages");

        built = 0;
        using var space = trainers.TrainLavae("lavae", () => Counted(train), Tiny.Flips, Checkpoint("space"));
        using (trainers.TrainCvae("cvae", () => Counted(train), augmentationInvariant: false, Checkpoint("cvae"))) { }
        using var latents = new TransferLatents(space, train.Orig);
        using (trainers.TrainTransferHead("head", new Lazy<TransferLatents>(() => latents), () => Counted(target), Checkpoint("head"))) { }
        built.Should().Be(1, "only the untrained head builds its target sets");
        using (trainers.TrainTransferHead("head", new Lazy<TransferLatents>(() => latents), () => Counted(target), Checkpoint("head"))) { }
        built.Should().Be(1, "the finished head loads without them");
    }

    [Fact]
    public void A_checkpoint_whose_optimizer_moments_do_not_fit_is_set_aside_and_the_part_trained_from_the_start()
    {
        var reference = Lavae("reference", new RecordingProgress());
        var crash = () => Lavae("tampered", new RecordingProgress("stage1", 1, 0));
        crash.Should().Throw<SimulatedCrashException>();
        var path = Checkpoint("tampered");
        var saved = SafeTensors.Load(path, CPU, requireChecksum: true);
        var tensors = new Dictionary<string, Tensor>(saved.Tensors);
        var moment = tensors.Keys.First(name => name.StartsWith("optimizer.0.", StringComparison.Ordinal));
        tensors[moment] = zeros(3);
        SafeTensors.Save(path, tensors, saved.Metadata);

        var resume = () => Lavae("tampered", new RecordingProgress());

        resume.Should().Throw<CheckpointSetAsideException>()
            .WithMessage($"{path} cannot be resumed (optimizer state '0.*' is missing or has the wrong shape); it was moved to {path}.damaged-* and training starts from the beginning.");
        File.Exists(path).Should().BeFalse("the next attempt must not meet it again");
        TinyTraining.Changed(reference, Lavae("tampered", new RecordingProgress())).Should().BeEmpty("the retrained part is the uninterrupted run");
    }

    private string Checkpoint(string name) => folder.File($"{name}.safetensors");

    private Dictionary<string, float[]> Lavae(string name, RecordingProgress progress, ulong seed = 5,
        TrainingSettings? settings = null, int checkpointEvery = 1)
    {
        var trainers = new ModelTrainers(settings ?? TinyTraining.Settings(), TinyTraining.Context(progress, seed, checkpointEvery), Key);
        using var model = trainers.TrainLavae("lavae", () => train, Tiny.Flips, Checkpoint(name), LatentMapKind.Linear);
        return TinyTraining.Snapshot(model);
    }

    /// <summary>A transfer head for the target sets on a latent space trained once into "space".</summary>
    private Dictionary<string, float[]> Head(string name, RecordingProgress progress)
    {
        var trainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(new RecordingProgress()), Key);
        using var space = trainers.TrainLavae("lavae", () => train, Tiny.Flips, Checkpoint("space"));
        using var latents = new TransferLatents(space, train.Orig);
        var headTrainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(progress), Key);
        using var head = headTrainers.TrainTransferHead("head", new Lazy<TransferLatents>(() => latents), () => target, Checkpoint(name));
        return TinyTraining.Snapshot(head);
    }

    private Dictionary<string, float[]> Cvae(string name, bool augmentationInvariant, RecordingProgress progress)
    {
        var trainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(progress), Key);
        using nn.Module model = trainers.TrainCvae("cvae", () => train, augmentationInvariant, Checkpoint(name));
        return TinyTraining.Snapshot(model);
    }
}
