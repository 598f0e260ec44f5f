using LaVae.Data;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// The two ablations of Section IV-B as training: the merged stage's loss is stage 1's plus stage 2's
/// and trains every part; the MLP maps train on a finished latent space without touching it; both
/// resume bit-exactly after a crash.
/// </summary>
public sealed class AblationTrainingTests : IDisposable
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
    public void The_merged_loss_is_the_stage1_loss_plus_the_stage2_loss_on_the_same_noise()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 4);
        using var sets = Tiny.UnrelatedSets(6, seed: 4);
        using var union = sets.Union([AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]);
        var unionIndices = Tiny.Indices(13, 2, 22, 7);
        var originals = Tiny.Indices(1, 2, 4, 1); // u mod 6: a union batch can name an original twice
        var x = AlignedSets.ToModelInput(union.index_select(0, unionIndices));
        using var generator = new Generator(9);
        using var twin = new Generator(9);

        var merged = LavaeStages.Merged(model, x, sets, originals, generator, klWeight: 2.5, involutoryWeight: 0.5).Total.ToDouble();

        var stage1 = LavaeStages.Stage1(model, x, twin, klWeight: 2.5).Total.ToDouble();
        using var latents = new FrozenLatents(model, sets, batchSize: 4);
        var stage2 = LavaeStages.Stage2(model, latents, originals, twin, involutoryWeight: 0.5).Total.ToDouble();
        stage2.Should().BeGreaterThan(1e-3 * stage1, "the stage-2 term must be visible above the tolerance below");
        merged.Should().BeApproximately(stage1 + stage2, 1e-6 * (stage1 + stage2));
    }

    [Fact]
    public void The_merged_loss_trains_encoder_decoder_0_and_both_maps_and_the_map_fit_moves_the_encoder()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 5);
        using var sets = Tiny.Sets(4, seed: 5);
        var x = sets.Batch(AugClass.Aug1, Tiny.Indices(0, 3));

        using (var generator = new Generator(5))
        {
            LavaeStages.Stage1(model, x, generator, klWeight: 1).Total.backward();
        }

        var stage1Only = EncoderGradient(model);
        foreach (var parameter in model.parameters())
        {
            parameter.grad = null;
        }

        using (var generator = new Generator(5))
        {
            LavaeStages.Merged(model, x, sets, Tiny.Indices(0, 3), generator, klWeight: 1, involutoryWeight: 1).Total.backward();
        }

        model.named_parameters().Where(p => p.parameter.grad is null).Select(p => p.name).Should().BeEmpty("every part trains in the merged stage");
        EncoderGradient(model).Zip(stage1Only, (a, b) => Math.Abs(a - b)).Max().Should().BeGreaterThan(1e-6f,
            "the map fit reads the live encoder, so it adds to the encoder's gradient");
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    public void A_merged_run_resumed_after_a_crash_ends_bit_identical_to_an_uninterrupted_one(int epoch, int batch)
    {
        var reference = Merged("reference", new RecordingProgress());
        var crash = () => Merged("crashed", new RecordingProgress("merged", epoch, batch));
        crash.Should().Throw<SimulatedCrashException>();

        var resumed = new RecordingProgress();
        var final = Merged("crashed", resumed);

        TinyTraining.Changed(reference, final).Should().BeEmpty("resuming from the checkpoint must retrace the uninterrupted run");
        resumed.Events.Should().Equal($"lavae_merged/merged started at epoch {epoch}");
        resumed.Batches.Min(b => b.Epoch).Should().Be(epoch);
    }

    [Fact]
    public void A_merged_run_takes_stage1_epochs_of_stage1_batches_and_changes_every_parameter()
    {
        var progress = new RecordingProgress();
        var trainers = new ModelTrainers(TinyTraining.Settings(stage1: 2, stage2: 7), TinyTraining.Context(progress), Key);
        using var model = trainers.TrainLavaeMerged("lavae_merged", () => train, Tiny.Flips, Checkpoint("trained"));
        using var untrained = new ModelTrainers(TinyTraining.Settings(stage1: 0), TinyTraining.Context(new RecordingProgress()), Key)
            .TrainLavaeMerged("lavae_merged", () => train, Tiny.Flips, Checkpoint("untrained"));

        // 24 originals make 96 union images, in batches of 16; stage 2's epochs play no part.
        progress.Batches.Should().HaveCount(2 * 6).And.OnlyContain(b => b.Stage == "merged");
        var trained = TinyTraining.Snapshot(model);
        TinyTraining.Changed(TinyTraining.Snapshot(untrained), trained).Should().HaveCount(trained.Count, "every parameter trains");
    }

    [Fact]
    public void Mlp_maps_train_on_a_latent_space_whose_encoder_and_decoder_0_stay_bit_identical()
    {
        var trainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(new RecordingProgress()), Key);
        using var space = trainers.TrainLavae("lavae", () => train, Tiny.Flips, Checkpoint("space"));
        var spaceWeights = TinyTraining.Snapshot(space);

        var progress = new RecordingProgress();
        using var mlp = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(progress), Key)
            .TrainMapsOn("lavae_mlp", space, () => train, Tiny.Flips, Checkpoint("mlp"), LatentMapKind.Mlp);

        mlp.Maps.Should().AllBeOfType<MlpLatentMap>();
        progress.Events.Should().Equal("lavae_mlp/stage2 started at epoch 0");
        var weights = TinyTraining.Snapshot(mlp);
        var shared = weights.Keys.Where(name => !name.StartsWith("map", StringComparison.Ordinal)).ToList();
        shared.Should().HaveCount(spaceWeights.Keys.Count(name => !name.StartsWith("map", StringComparison.Ordinal)));
        TinyTraining.Changed(spaceWeights.Where(p => shared.Contains(p.Key)).ToDictionary(), weights.Where(p => shared.Contains(p.Key)).ToDictionary())
            .Should().BeEmpty("stage 1 is the latent space's, and stage 2 trains the maps only");
        TinyTraining.Snapshot(space).Should().BeEquivalentTo(spaceWeights, "the latent space itself is left as it was");
    }

    [Fact]
    public void Mlp_maps_resumed_after_a_crash_end_bit_identical_to_an_uninterrupted_run()
    {
        var trainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(new RecordingProgress()), Key);
        using var space = trainers.TrainLavae("lavae", () => train, Tiny.Flips, Checkpoint("space"));

        var reference = Mlp(space, "reference", new RecordingProgress());
        var crash = () => Mlp(space, "crashed", new RecordingProgress("stage2", 1, 0));
        crash.Should().Throw<SimulatedCrashException>();
        var resumed = new RecordingProgress();
        var final = Mlp(space, "crashed", resumed);

        TinyTraining.Changed(reference, final).Should().BeEmpty();
        resumed.Events.Should().Equal("lavae_mlp/stage2 started at epoch 1");
    }

    private static float[] EncoderGradient(Lavae model) => model.Encoder.parameters().SelectMany(p => p.grad!.contiguous().ToArray<float>()).ToArray();

    private string Checkpoint(string name) => folder.File($"{name}.safetensors");

    private Dictionary<string, float[]> Merged(string name, RecordingProgress progress)
    {
        var trainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(progress), Key);
        using var model = trainers.TrainLavaeMerged("lavae_merged", () => train, Tiny.Flips, Checkpoint(name));
        return TinyTraining.Snapshot(model);
    }

    private Dictionary<string, float[]> Mlp(Lavae space, string name, RecordingProgress progress)
    {
        var trainers = new ModelTrainers(TinyTraining.Settings(), TinyTraining.Context(progress), Key);
        using var model = trainers.TrainMapsOn("lavae_mlp", space, () => train, Tiny.Flips, Checkpoint(name), LatentMapKind.Mlp);
        return TinyTraining.Snapshot(model);
    }
}
