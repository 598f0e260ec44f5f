using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>
/// Builds each model kind from its seed and trains it through its stages on the aligned training
/// sets, resuming from <paramref name="checkpointPath"/> when a checkpoint of the same run is there.
/// </summary>
public sealed class ModelTrainers(TrainingSettings settings, TrainingContext context, string runKey)
{
    private ModelShape Shape => new(settings[Setting.Filters], settings[Setting.Latent]);

    /// <summary>
    /// A latent space: stage 1 (encoder + decoder 0), then stage 2 (the maps L_k). <paramref name="train"/>
    /// is built only if a stage still has epochs to train, so a finished space loads without augmenting.
    /// </summary>
    public Lavae TrainLavae(string name, Func<AlignedSets> train, IReadOnlyList<string> pair, string checkpointPath,
        LatentMapKind maps = LatentMapKind.Linear)
    {
        ArgumentNullException.ThrowIfNull(train);
        var sets = new Lazy<AlignedSets>(train);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var model = new Lavae(Shape, pair, maps, init, context.Device);
        var (stage1, stage2) = (Plan("stage1", settings[Setting.Stage1Epochs]), Plan("stage2", settings[Setting.Stage2Epochs]));
        var training = new ModelTraining(name, model, new Checkpoint(checkpointPath, runKey), [stage1, stage2], context);

        using var union = new StageTensor(() => sets.Value.Union([AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]));
        training.RunStage(stage1, [.. model.Encoder.parameters(), .. model.Heads[0].parameters()], training.ExamplesToTrain(stage1, () => union.Value.size(0)),
            (indices, generator) => LavaeStages.Stage1(model, AlignedSets.ToModelInput(union.Value.index_select(0, indices)), generator, settings[Setting.KlWeight]));

        // Encoded on the first stage-2 batch only: a run resumed past stage 2 never needs them.
        var latents = new Lazy<FrozenLatents>(() => new FrozenLatents(model, sets.Value));
        training.RunStage(stage2, model.Maps.SelectMany(m => m.parameters()).ToList(), training.ExamplesToTrain(stage2, () => sets.Value.Count),
            (indices, generator) => LavaeStages.Stage2(model, latents.Value, indices, generator, settings[Setting.InvolutoryWeight]));
        if (latents.IsValueCreated)
        {
            latents.Value.Dispose();
        }

        return model;
    }

    /// <summary>
    /// The map ablation: stage 2 alone, with maps of <paramref name="maps"/>' kind, over the encoder and
    /// decoder 0 of the trained latent space <paramref name="space"/>. Stage 1 never reads the maps, so
    /// the space's stage 1 is this model's stage 1: only the kind of map differs from the space's own.
    /// </summary>
    public Lavae TrainMapsOn(string name, Lavae space, Func<AlignedSets> train, IReadOnlyList<string> pair, string checkpointPath, LatentMapKind maps)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(train);
        var sets = new Lazy<AlignedSets>(train);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var model = new Lavae(Shape, pair, maps, init, context.Device);
        var shared = space.state_dict().Where(p => p.Key.StartsWith("encoder.", StringComparison.Ordinal) || p.Key.StartsWith("decoder0.", StringComparison.Ordinal));
        var own = model.state_dict().Where(p => p.Key.StartsWith("map", StringComparison.Ordinal));
        model.LoadExactly(shared.Concat(own).ToDictionary());
        var plan = Plan("stage2", settings[Setting.Stage2Epochs]);
        var training = new ModelTraining(name, model, new Checkpoint(checkpointPath, runKey), [plan], context);

        var latents = new Lazy<FrozenLatents>(() => new FrozenLatents(model, sets.Value));
        training.RunStage(plan, model.Maps.SelectMany(m => m.parameters()).ToList(), training.ExamplesToTrain(plan, () => sets.Value.Count),
            (indices, generator) => LavaeStages.Stage2(model, latents.Value, indices, generator, settings[Setting.InvolutoryWeight]));
        if (latents.IsValueCreated)
        {
            latents.Value.Dispose();
        }

        return model;
    }

    /// <summary>
    /// The merged-stage ablation: one stage of stage 1's epochs in which the encoder, decoder 0 and the
    /// maps train together on stage 1's loss plus stage 2's (<see cref="LavaeStages.Merged"/>). Its batches
    /// are stage 1's, from the union of the four sets; stage 2's term reads the originals of the batch's
    /// images (union example u is image u mod N of its set).
    /// </summary>
    public Lavae TrainLavaeMerged(string name, Func<AlignedSets> train, IReadOnlyList<string> pair, string checkpointPath)
    {
        ArgumentNullException.ThrowIfNull(train);
        var sets = new Lazy<AlignedSets>(train);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var model = new Lavae(Shape, pair, LatentMapKind.Linear, init, context.Device);
        var plan = Plan("merged", settings[Setting.Stage1Epochs]);
        var training = new ModelTraining(name, model, new Checkpoint(checkpointPath, runKey), [plan], context);

        using var union = new StageTensor(() => sets.Value.Union([AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]));
        training.RunStage(plan, [.. model.parameters()], training.ExamplesToTrain(plan, () => union.Value.size(0)),
            (indices, generator) => LavaeStages.Merged(model, AlignedSets.ToModelInput(union.Value.index_select(0, indices)), sets.Value,
                indices.remainder(sets.Value.Count), generator, settings[Setting.KlWeight], settings[Setting.InvolutoryWeight]));
        return model;
    }

    /// <summary>
    /// Stage 3: a new decoder head for a target pair over a frozen latent space. <paramref name="latents"/>
    /// and <paramref name="target"/> are evaluated only if the head still has epochs to train, so a
    /// finished head loads without encoding or augmenting.
    /// </summary>
    public ConvDecoder TrainTransferHead(string name, Lazy<TransferLatents> latents, Func<AlignedSets> target, string checkpointPath, bool trainComposition = true)
    {
        ArgumentNullException.ThrowIfNull(latents);
        ArgumentNullException.ThrowIfNull(target);
        var sets = new Lazy<AlignedSets>(target);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var head = new ConvDecoder(Shape, conditionSize: 0, init, context.Device);
        var plan = Plan("stage3", settings[Setting.Stage3Epochs]);
        var training = new ModelTraining(name, head, new Checkpoint(checkpointPath, runKey), [plan], context);
        training.RunStage(plan, [.. head.parameters()], training.ExamplesToTrain(plan, () => sets.Value.Count),
            (indices, _) => LavaeStages.Stage3(head, latents.Value, sets.Value, indices, trainComposition));
        return head;
    }

    /// <summary>The CVAE baseline, trained traditionally or augmentation-invariantly.</summary>
    public Cvae TrainCvae(string name, Func<AlignedSets> train, bool augmentationInvariant, string checkpointPath)
    {
        ArgumentNullException.ThrowIfNull(train);
        var sets = new Lazy<AlignedSets>(train);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var model = new Cvae(Shape, init, context.Device);
        var plan = Plan("cvae", settings[Setting.CvaeEpochs]);
        var training = new ModelTraining(name, model, new Checkpoint(checkpointPath, runKey), [plan], context);
        if (augmentationInvariant)
        {
            using var targets = new StageTensor(() => sets.Value.Union(CvaeStages.AugmentationInvariantTargets));
            training.RunStage(plan, [.. model.parameters()], training.ExamplesToTrain(plan, () => targets.Value.size(0)),
                (indices, generator) => CvaeStages.AugmentationInvariant(model, sets.Value, targets.Value, indices, generator, settings[Setting.KlWeight]));
        }
        else
        {
            using var union = new StageTensor(() => sets.Value.Union([AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]));
            training.RunStage(plan, [.. model.parameters()], training.ExamplesToTrain(plan, () => union.Value.size(0)),
                (indices, generator) => CvaeStages.Traditional(model, union.Value, sets.Value.Count, indices, generator, settings[Setting.KlWeight]));
        }

        return model;
    }

    /// <summary>
    /// CSVAE on the union of the four aligned sets, as CVAE_Trad trains, for the CVAEs' epochs: one
    /// stage that alternates a step of the encoders and decoder (M1) with a step of the adversary (M2).
    /// </summary>
    public Csvae TrainCsvae(string name, Func<AlignedSets> train, string checkpointPath)
    {
        ArgumentNullException.ThrowIfNull(train);
        var sets = new Lazy<AlignedSets>(train);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var model = new Csvae(Shape, init, context.Device);
        var plan = Plan("csvae", settings[Setting.CvaeEpochs]);
        var training = new ModelTraining(name, model, new Checkpoint(checkpointPath, runKey), [plan], context);
        using var union = new StageTensor(() => sets.Value.Union([AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]));
        training.RunAdversarialStage(plan, model.VaeParameters(), [.. model.Adversary.parameters()], training.ExamplesToTrain(plan, () => union.Value.size(0)),
            (indices, generator) => CsvaeStages.Objective(model, union.Value, sets.Value.Count, indices, generator));
        return model;
    }

    /// <summary>The plain VAE reference: the ELBO on the original images (uint8, N x 28 x 28) only, for stage 1's epochs.</summary>
    public PlainVae TrainPlainVae(string name, Tensor originals, string checkpointPath)
    {
        ArgumentNullException.ThrowIfNull(originals);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var model = new PlainVae(Shape, init, context.Device);
        var plan = Plan("vae", settings[Setting.Stage1Epochs]);
        var training = new ModelTraining(name, model, new Checkpoint(checkpointPath, runKey), [plan], context);
        training.RunStage(plan, [.. model.parameters()], originals.size(0), (indices, generator) =>
        {
            var x = AlignedSets.ToModelInput(originals.index_select(0, indices));
            var (mu, logVar) = model.Encoder.forward(x);
            var z = VaeObjective.Reparameterize(mu, logVar, generator);
            return ElboLoss.Of(model.Decoder.forward(z), x, mu, logVar, settings[Setting.KlWeight]);
        });
        return model;
    }

    /// <summary>The harness's digit classifier (for the class measure), on the training originals and their labels.</summary>
    public DigitClassifier TrainClassifier(string name, LabelledImages train, string checkpointPath)
    {
        ArgumentNullException.ThrowIfNull(train);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var model = new DigitClassifier(init, context.Device);
        var plan = Plan("classifier", settings[Setting.ClassifierEpochs]);
        var training = new ModelTraining(name, model, new Checkpoint(checkpointPath, runKey), [plan], context);
        training.RunStage(plan, [.. model.parameters()], train.Count,
            (indices, _) => ClassifierStage.Supervised(model, train, indices));
        return model;
    }

    /// <summary>
    /// The digit classifier on a labelled set of <paramref name="count"/> images built on first use
    /// only, so a finished classifier loads without building it (a downstream classifier's augmented set).
    /// </summary>
    public DigitClassifier TrainClassifier(string name, Lazy<LabelledImages> train, long count, string checkpointPath)
    {
        ArgumentNullException.ThrowIfNull(train);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var model = new DigitClassifier(init, context.Device);
        var plan = Plan("classifier", settings[Setting.ClassifierEpochs]);
        var training = new ModelTraining(name, model, new Checkpoint(checkpointPath, runKey), [plan], context);
        training.RunStage(plan, [.. model.parameters()], count,
            (indices, _) => ClassifierStage.Supervised(model, train.Value, indices));
        return model;
    }

    /// <summary>
    /// A copy of <paramref name="start"/>'s decoder fine-tuned to <paramref name="encoder"/>'s latent
    /// space on <paramref name="targets"/> (uint8, N x 28 x 28), for stage 3's epochs (the stage that
    /// trains a decoder on a frozen latent space). Nothing else is changed.
    /// </summary>
    public ConvDecoder TrainFinetunedDecoder(string name, ConvEncoder encoder, ConvDecoder start, Tensor targets, string checkpointPath)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(targets);
        using var init = new Generator(Seeds.Derive(context.Seed, $"{name}/init"), context.Device);
        var decoder = new ConvDecoder(Shape, conditionSize: 0, init, context.Device);
        decoder.LoadExactly(start.state_dict()); // before the checkpoint is restored over it, if there is one
        var plan = Plan("finetune", settings[Setting.Stage3Epochs]);
        var training = new ModelTraining(name, decoder, new Checkpoint(checkpointPath, runKey), [plan], context);

        // Encoded on the first batch only: a finished decoder loads without encoding.
        var latents = new Lazy<Tensor>(() => DecoderFinetuning.Latents(encoder, targets).DetachFromDisposeScope());
        training.RunStage(plan, [.. decoder.parameters()], targets.size(0),
            (indices, _) => DecoderFinetuning.Loss(decoder, latents.Value, targets, indices));
        if (latents.IsValueCreated)
        {
            latents.Value.Dispose();
        }

        return decoder;
    }

    private StagePlan Plan(string stage, int epochs) => new(stage, epochs, settings[Setting.BatchSize], settings[Setting.LearningRate]);
}
