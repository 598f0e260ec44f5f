using System.Diagnostics;
using System.Globalization;
using LaVae.Torch;
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
    /// <summary>libtorch's words when binary cross-entropy is given a NaN (or any value outside [0, 1]).</summary>
    private const string BinaryCrossEntropyRange = "all elements of input should be between 0 and 1";

    /// <summary>
    /// Batches whose losses are read from the device at once. Losses stay on the device until then:
    /// reading one waits for every queued kernel, so a read per batch would stall a GPU every step.
    /// </summary>
    private const int LossReadInterval = 32;

    private readonly string modelName;
    private readonly nn.Module model;
    private readonly Checkpoint checkpoint;
    private readonly IReadOnlyList<StagePlan> stages;
    private readonly TrainingContext context;
    private readonly IReadOnlyDictionary<string, Tensor> savedOptimizer;
    private readonly TrainingCurves curves;
    private TrainingPosition? position;

    /// <param name="stages">Every stage the model trains, in order: a checkpoint is resumed only from a position they have.</param>
    public ModelTraining(string modelName, nn.Module model, Checkpoint checkpoint, IReadOnlyList<StagePlan> stages, TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(context);
        (this.modelName, this.model, this.checkpoint, this.stages, this.context) = (modelName, model, checkpoint, stages, context);
        position = checkpoint.Restore(model, context.Device, stages, out savedOptimizer, out var notice);
        curves = checkpoint.Curves;
        if (notice is not null)
        {
            context.Progress.Notice(notice);
        }
    }

    /// <summary>
    /// Trains <paramref name="parameters"/> for the stage's epochs over <paramref name="examples"/>
    /// examples; <paramref name="batchLoss"/> maps a batch's example indices to its summed loss.
    /// </summary>
    public void RunStage(StagePlan stage, IReadOnlyList<Tensor> parameters, long examples, Func<Tensor, Generator, StageLoss> batchLoss)
    {
        ArgumentNullException.ThrowIfNull(batchLoss);
        Run(stage, [parameters], examples, (indices, generator, optimizers, descend) => descend(optimizers[0], batchLoss(indices, generator)));
    }

    /// <summary>
    /// Trains a model against an adversary, alternating on every batch: one step of the model's
    /// parameters on <see cref="AdversarialLosses.ModelLoss"/>, then one of the adversary's on
    /// <see cref="AdversarialLosses.AdversaryLoss"/>, each with its own AdaBelief; both optimizers'
    /// moments are checkpointed. The progress reports the model's loss; the curves record the
    /// adversary's as the term <c>adversary</c>.
    /// </summary>
    public void RunAdversarialStage(StagePlan stage, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> adversaryParameters, long examples,
        Func<Tensor, Generator, AdversarialLosses> batchLosses)
    {
        ArgumentNullException.ThrowIfNull(batchLosses);
        Run(stage, [parameters, adversaryParameters], examples, (indices, generator, optimizers, descend) =>
        {
            var losses = batchLosses(indices, generator);
            descend(optimizers[0], losses.ModelLoss);
            descend(optimizers[1], StageLoss.Single("adversary", losses.AdversaryLoss()));
        });
    }

    private void Run(StagePlan stage, IReadOnlyList<IReadOnlyList<Tensor>> parameterGroups, long examples, BatchStep step)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (AlreadyDone(stage))
        {
            context.Progress.StageSkipped(modelName, stage, $"complete in {checkpoint.Path}");
            return;
        }

        MklVectorMathThreads.ApplyToCallingThread();
        var optimizers = parameterGroups.Select(group => (Optimizer)new AdaBelief(group, stage.LearningRate)).ToList();
        try
        {
            var firstEpoch = 0;
            if (position is { } p && p.Stage == stage.Name)
            {
                try
                {
                    for (var k = 0; k < optimizers.Count; k++)
                    {
                        optimizers[k].LoadStateDict(Checkpoint.OptimizerState(savedOptimizer, k));
                    }
                }
                catch (InvalidDataException e)
                {
                    throw new CheckpointSetAsideException(checkpoint.SetAsideUnresumable(e.Message));
                }

                firstEpoch = p.EpochsDone;
            }

            curves.Truncate(stage.Name, firstEpoch);

            var batches = stage.BatchesPerEpoch(examples);
            context.Progress.StageStarted(modelName, stage, firstEpoch, batches);
            for (var epoch = firstEpoch; epoch < stage.Epochs; epoch++)
            {
                var meanLoss = RunEpoch(stage, epoch, batches, examples, optimizers, step, out var terms, out var elapsed);
                curves.Record(stage.Name, epoch, meanLoss, terms);
                context.Progress.EpochDone(modelName, stage, epoch, meanLoss, terms, elapsed);
                var done = epoch + 1;
                if (done < stage.Epochs && context.CheckpointEvery > 0 && done % context.CheckpointEvery == 0)
                {
                    Save(optimizers, new TrainingPosition(stage.Name, done, StageComplete: false));
                }
            }

            Save([], new TrainingPosition(stage.Name, stage.Epochs, StageComplete: true));
        }
        finally
        {
            foreach (var optimizer in optimizers)
            {
                optimizer.Dispose();
            }
        }
    }

    /// <summary>
    /// One batch's update: computes the batch's losses for <paramref name="indices"/> and applies each
    /// through <paramref name="descend"/> (one optimizer step on one loss); the first is the one reported.
    /// </summary>
    private delegate void BatchStep(Tensor indices, Generator generator, IReadOnlyList<Optimizer> optimizers, Action<Optimizer, StageLoss> descend);

    private double RunEpoch(StagePlan stage, int epoch, int batches, long examples, IReadOnlyList<Optimizer> optimizers,
        BatchStep step, out IReadOnlyList<KeyValuePair<string, double>> terms, out TimeSpan elapsed)
    {
        var watch = Stopwatch.StartNew();
        using var generator = new Generator(Seeds.Derive(context.Seed, $"{modelName}/{stage.Name}/epoch{epoch}"), context.Device);
        using var order = randperm(examples, device: context.Device, generator: generator).DetachFromDisposeScope();
        using var losses = new EpochLosses(batches, optimizers.Count, context.Device); // one loss per optimizer and batch
        using var termSums = new EpochTerms(context.Device);
        var reported = 0;
        for (var b = 0; b < batches; b++)
        {
            using var scope = NewDisposeScope();
            var indices = order.narrow(0, (long)b * stage.BatchSize, stage.BatchLength(examples, b));
            var batch = b;
            try
            {
                step(indices, generator, optimizers, (optimizer, loss) => Descend(optimizer, loss, losses, termSums, batch));
            }
            catch (System.Runtime.InteropServices.ExternalException e) when (e.Message.Contains(BinaryCrossEntropyRange, StringComparison.Ordinal))
            {
                // A NaN loss of an earlier batch, not yet read, is where it began: it is reported first.
                Report(stage, epoch, examples, losses, reported, batch);
                // A diverged decoder outputs NaN, which libtorch's BCE refuses before any loss is NaN.
                throw new TrainingDivergedException(
                    $"{modelName}: training diverged in stage {stage.Name}, epoch {epoch + 1}, batch {batch + 1}: the decoder's output became NaN, "
                    + $"which the reconstruction loss refuses; look first at the setting 'learning_rate' ({stage.LearningRate.ToString(CultureInfo.InvariantCulture)} in this stage); {KeptCheckpoint()}.",
                    e);
            }

            if (b + 1 - reported == LossReadInterval || b + 1 == batches)
            {
                Report(stage, epoch, examples, losses, reported, b + 1);
                reported = b + 1;
            }
        }

        terms = termSums.PerExample(examples);
        elapsed = watch.Elapsed;
        return losses.ReadTotal / examples;
    }

    /// <summary>
    /// One optimizer step on <paramref name="loss"/>'s total, which is kept on the device for
    /// <see cref="Report"/>, its terms added to the epoch's sums there.
    /// </summary>
    private static void Descend(Optimizer optimizer, StageLoss loss, EpochLosses losses, EpochTerms terms, int batch)
    {
        losses.Keep(batch, loss.Total);
        terms.Add(loss);
        optimizer.ZeroGrad();
        loss.Total.backward();
        optimizer.Step();
    }

    /// <summary>
    /// Reads batches [from, to)'s losses in one wait, refuses a loss that is not finite (naming its batch;
    /// the weights it moved are never checkpointed, since checkpoints follow this read), and reports each
    /// batch's first loss per example.
    /// </summary>
    private void Report(StagePlan stage, int epoch, long examples, EpochLosses losses, int from, int to)
    {
        foreach (var (batch, values) in losses.Read(from, to))
        {
            foreach (var value in values)
            {
                if (!double.IsFinite(value))
                {
                    throw new TrainingDivergedException(
                        $"{modelName}: loss became {value.ToString(CultureInfo.InvariantCulture)} in stage {stage.Name}, epoch {epoch + 1}, batch {batch + 1}; {KeptCheckpoint()}.");
                }
            }

            context.Progress.BatchDone(modelName, stage, epoch, batch, values[0] / stage.BatchLength(examples, batch));
        }
    }

    private string KeptCheckpoint() => File.Exists(checkpoint.Path)
        ? $"the last good checkpoint ({checkpoint.Path}) was kept"
        : $"no checkpoint had been written to {checkpoint.Path} yet";

    /// <summary>
    /// The examples <paramref name="stage"/> trains on, counted only if it still has epochs to train:
    /// a complete stage gets 0 and never builds its data (a finished part loads without its training sets).
    /// </summary>
    public long ExamplesToTrain(StagePlan stage, Func<long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return AlreadyDone(stage) ? 0 : count();
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
        var index = stages.Select(s => s.Name).ToList().IndexOf(stage);
        return index >= 0 ? index : throw new ArgumentException($"stage '{stage}' is not in this model's order ({string.Join(", ", stages.Select(s => s.Name))})");
    }

    private void Save(IReadOnlyList<Optimizer> optimizers, TrainingPosition newPosition)
    {
        checkpoint.Save(model, newPosition, optimizers, curves);
        position = newPosition;
    }
}

/// <summary>
/// A batch's two losses in a stage that trains a model against an adversary: the model's, and the
/// adversary's, computed only after the model's step (on whatever the model's loss left detached).
/// </summary>
public sealed record AdversarialLosses(StageLoss ModelLoss, Func<Tensor> AdversaryLoss);
