using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>A NaN loss stops training with a message that says where, and leaves the last good checkpoint.</summary>
public class DivergenceTests
{
    private const int BatchesPerEpoch = 4;

    [Fact]
    public void A_nan_loss_throws_naming_model_stage_epoch_and_batch_and_keeps_the_last_checkpoint()
    {
        using var folder = new TempFolder();
        using var train = Tiny.Sets(64, seed: 1);
        using var model = Tiny.Lavae();
        var path = folder.File("lavae.safetensors");
        var stage1 = new StagePlan("stage1", 5, 16, 1e-3);
        var training = new ModelTraining("lavae", model, new Checkpoint(path, "key"), [stage1, new StagePlan("stage2", 5, 16, 1e-3)], TinyTraining.Context(new RecordingProgress()));
        byte[]? lastGood = null;
        var calls = 0;

        // The loss turns NaN in the second batch of the third epoch, after epochs 1 and 2 were checkpointed.
        var act = () => training.RunStage(stage1, [.. model.parameters()], train.Count, (indices, generator) =>
        {
            var loss = LavaeStages.Stage1(model, train.Batch(AugClass.Orig, indices), generator, klWeight: 1);
            if (calls++ != (2 * BatchesPerEpoch) + 1)
            {
                return loss;
            }

            lastGood = File.ReadAllBytes(path);
            return StageLoss.Single("loss", loss.Total * double.NaN);
        });

        act.Should().Throw<TrainingDivergedException>()
            .WithMessage($"lavae: loss became NaN in stage stage1, epoch 3, batch 2; the last good checkpoint ({path}) was kept.");
        lastGood.Should().NotBeNull("the NaN batch was reached");
        File.ReadAllBytes(path).Should().Equal(lastGood, "the checkpoint on disk is the one written after epoch 2");
        using var fresh = Tiny.Lavae(seed: 99);
        new Checkpoint(path, "key").Restore(fresh, CPU, [stage1], out _, out _).Should().Be(new TrainingPosition("stage1", 2, StageComplete: false));
    }

    [Fact]
    public void An_infinite_loss_before_any_checkpoint_leaves_no_file()
    {
        using var folder = new TempFolder();
        using var train = Tiny.Sets(16, seed: 2);
        using var model = Tiny.Lavae();
        var path = folder.File("lavae.safetensors");
        var stage1 = new StagePlan("stage1", 2, 16, 1e-3);
        var training = new ModelTraining("lavae", model, new Checkpoint(path, "key"), [stage1], TinyTraining.Context(new RecordingProgress()));

        var act = () => training.RunStage(stage1, [.. model.parameters()], train.Count,
            (indices, generator) => StageLoss.Single("loss", LavaeStages.Stage1(model, train.Batch(AugClass.Orig, indices), generator, klWeight: 1).Total * double.PositiveInfinity));

        act.Should().Throw<TrainingDivergedException>()
            .WithMessage($"lavae: loss became Infinity in stage stage1, epoch 1, batch 1; no checkpoint had been written to {path} yet.");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void A_decoder_that_outputs_nan_is_reported_as_divergence_naming_the_learning_rate_not_as_a_libtorch_error()
    {
        using var folder = new TempFolder();
        using var train = Tiny.Sets(32, seed: 3);
        using var model = Tiny.Lavae();
        var path = folder.File("lavae.safetensors");
        var stage1 = new StagePlan("stage1", 1, 16, 1e6);
        var training = new ModelTraining("lavae", model, new Checkpoint(path, "key"), [stage1], TinyTraining.Context(new RecordingProgress()));
        var calls = 0;

        // As an absurd learning rate does after a step or two: the weights turn NaN, so the decoder's output does.
        var act = () => training.RunStage(stage1, [.. model.parameters()], train.Count, (indices, generator) =>
        {
            if (calls++ == 1)
            {
                using var noGrad = no_grad();
                model.parameters().First().fill_(double.NaN);
            }

            return LavaeStages.Stage1(model, train.Batch(AugClass.Orig, indices), generator, klWeight: 1);
        });

        act.Should().Throw<TrainingDivergedException>().WithMessage(
            "lavae: training diverged in stage stage1, epoch 1, batch 2: the decoder's output became NaN, which the reconstruction loss refuses; "
            + $"look first at the setting 'learning_rate' (1000000 in this stage); no checkpoint had been written to {path} yet.");
    }
}
