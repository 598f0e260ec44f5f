using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// Batch losses stay on the device and are read in blocks, so a GPU's queue is not stalled every step;
/// what is reported, summed and refused is what a read per batch gave.
/// </summary>
public class EpochLossesTests
{
    [Fact]
    public void A_float32_loss_reads_back_exactly_with_the_batches_first_losses_summed_in_order()
    {
        using var losses = new EpochLosses(batches: 3, perBatch: 2, CPU);
        float[] model = [1.1f, 2.2f, 3.3f];
        for (var b = 0; b < 3; b++)
        {
            losses.Keep(b, tensor(model[b]));
        }

        losses.Keep(1, tensor(float.NaN));

        var read = losses.Read(0, 3).ToList();

        read.Select(r => r.Batch).Should().Equal(0, 1, 2);
        read[0].Losses.Should().Equal((double)model[0]);
        read[1].Losses.Should().HaveCount(2).And.Subject.Last().Should().Be(double.NaN);
        losses.ReadTotal.Should().Be(0.0 + model[0] + model[1] + model[2], "float32 to float64 is exact, and the sum keeps batch order");
        var third = () => losses.Keep(1, tensor(0f));
        third.Should().Throw<InvalidOperationException>().WithMessage("batch 1 descended more than 2 losses");
    }

    [Fact]
    public void Training_reads_the_losses_once_every_32_batches_and_at_the_end_of_the_epoch()
    {
        using var folder = new TempFolder();
        using var train = Tiny.Sets(40, seed: 4);
        using var model = Tiny.Lavae();
        var stepsWhenReported = new List<int>();
        var steps = 0;
        var progress = new CallbackProgress(() => stepsWhenReported.Add(steps));
        var stage1 = new StagePlan("stage1", 1, 1, 1e-3);
        var training = new ModelTraining("lavae", model, new Checkpoint(folder.File("lavae.safetensors"), "key"), [stage1], TinyTraining.Context(progress));

        training.RunStage(stage1, [.. model.parameters()], train.Count, (indices, generator) =>
        {
            steps++;
            return LavaeStages.Stage1(model, train.Batch(AugClass.Orig, indices), generator, klWeight: 1);
        });

        stepsWhenReported.Should().HaveCount(40, "every batch is still reported");
        stepsWhenReported.Take(32).Should().AllSatisfy(s => s.Should().Be(32), "batches 1-32 are read in one wait, after the 32nd step");
        stepsWhenReported.Skip(32).Should().AllSatisfy(s => s.Should().Be(40), "the last 8 at the end of the epoch");
    }

    private sealed class CallbackProgress(Action onBatch) : ITrainingProgress
    {
        public void StageStarted(string model, StagePlan stage, int firstEpoch, int batchesPerEpoch)
        {
        }

        public void BatchDone(string model, StagePlan stage, int epoch, int batch, double loss) => onBatch();

        public void EpochDone(string model, StagePlan stage, int epoch, double meanLoss, IReadOnlyList<KeyValuePair<string, double>> terms, TimeSpan elapsed)
        {
        }

        public void StageSkipped(string model, StagePlan stage, string reason)
        {
        }

        public void Notice(string message)
        {
        }
    }
}
