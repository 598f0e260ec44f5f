using System.Diagnostics;
using LaVae.Torch;
using LaVae.Torch.Modules;
using LaVae.Torch.Optimizers;

namespace LaVae.Training;

/// <summary>
/// Runs one model's stages in order, each with its own AdaBelief over only that stage's parameters,
/// checkpointing after every stage and every N epochs, and resuming from the checkpoint it finds:
/// finished stages are skipped and a stage in progress continues at its next epoch, with the same
/// shuffles and noise an uninterrupted run would draw (see <see cref="Seeds"/>). A damaged checkpoint
/// is set aside with a notice, and the model trains from the start.
/// </summary>
public sealed class ModelTraining
{
    private readonly string modelName;
    private readonly Module model;
    private readonly Checkpoint checkpoint;
    private readonly IReadOnlyList<string> stageOrder;
    private readonly TrainingContext context;
    private readonly IReadOnlyDictionary<string, Tensor> savedOptimizer;
    private TrainingPosition? position;

    public ModelTraining(string modelName, Module model, Checkpoint checkpoint, IReadOnlyList<string> stageOrder, TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(context);
        (this.modelName, this.model, this.checkpoint, this.stageOrder, this.context) = (modelName, model, checkpoint, stageOrder, context);
        position = checkpoint.Restore(model, context.Device, out savedOptimizer, out var notice);
        if (notice is not null)
        {
            context.Progress.Notice(notice);
        }
    }

    /// <summary>
    /// Trains <paramref name="parameters"/> for the stage's epochs over <paramref name="examples"/>
    /// examples; <paramref name="batchLoss"/> maps a batch's example indices to its summed loss.
    /// </summary>
    public void RunStage(StagePlan stage, IReadOnlyList<Tensor> parameters, long examples, Func<Tensor, Generator, Tensor> batchLoss)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(batchLoss);
        if (AlreadyDone(stage))
        {
            context.Progress.StageSkipped(modelName, stage, $"complete in {checkpoint.Path}");
            return;
        }

        using var optimizer = new AdaBelief(parameters, stage.LearningRate);
        var firstEpoch = 0;
        if (position is { } p && p.Stage == stage.Name)
        {
            optimizer.LoadStateDict(savedOptimizer);
            firstEpoch = p.EpochsDone;
        }

        var batches = stage.BatchesPerEpoch(examples);
        context.Progress.StageStarted(modelName, stage, firstEpoch, batches);
        for (var epoch = firstEpoch; epoch < stage.Epochs; epoch++)
        {
            var meanLoss = RunEpoch(stage, epoch, batches, examples, optimizer, batchLoss, out var elapsed);
            context.Progress.EpochDone(modelName, stage, epoch, meanLoss, elapsed);
            var done = epoch + 1;
            if (done < stage.Epochs && context.CheckpointEvery > 0 && done % context.CheckpointEvery == 0)
            {
                Save(optimizer, new TrainingPosition(stage.Name, done, StageComplete: false));
            }
        }

        Save(null, new TrainingPosition(stage.Name, stage.Epochs, StageComplete: true));
    }

    private double RunEpoch(StagePlan stage, int epoch, int batches, long examples, Optimizer optimizer,
        Func<Tensor, Generator, Tensor> batchLoss, out TimeSpan elapsed)
    {
        var watch = Stopwatch.StartNew();
        using var generator = new Generator(Seeds.Derive(context.Seed, $"{modelName}/{stage.Name}/epoch{epoch}"), context.Device);
        using var order = Tensor.RandPerm(examples, generator, context.Device).DetachFromScope();
        var total = 0.0;
        for (var b = 0; b < batches; b++)
        {
            using var scope = Engine.NewDisposeScope();
            var start = (long)b * stage.BatchSize;
            var indices = order.Narrow(0, start, Math.Min(stage.BatchSize, examples - start));
            var loss = batchLoss(indices, generator);
            var value = loss.Item();
            if (!double.IsFinite(value))
            {
                var kept = File.Exists(checkpoint.Path)
                    ? $"the last good checkpoint ({checkpoint.Path}) was kept"
                    : $"no checkpoint had been written to {checkpoint.Path} yet";
                throw new TrainingDivergedException(
                    $"{modelName}: loss became {value} in stage {stage.Name}, epoch {epoch + 1}, batch {b + 1}; {kept}.");
            }

            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            total += value;
            context.Progress.BatchDone(modelName, stage, epoch, b, value / indices.Size(0));
        }

        elapsed = watch.Elapsed;
        return total / examples;
    }

    private bool AlreadyDone(StagePlan stage)
    {
        if (position is not { } p)
        {
            return false;
        }

        var current = IndexOf(stage.Name);
        var saved = IndexOf(p.Stage);
        return current < saved || (current == saved && p.StageComplete);
    }

    private int IndexOf(string stage)
    {
        var index = stageOrder.ToList().IndexOf(stage);
        return index >= 0 ? index : throw new ArgumentException($"stage '{stage}' is not in this model's order ({string.Join(", ", stageOrder)})");
    }

    private void Save(Optimizer? optimizer, TrainingPosition newPosition)
    {
        checkpoint.Save(model, optimizer, newPosition);
        position = newPosition;
    }
}
