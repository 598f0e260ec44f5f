using LaVae.Data;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Torch;
using LaVae.Torch.Optimizers;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// CSVAE's adversarial game on data where the labels are plain to see: each image carries a bright
/// block in its top-left corner, so flip_lr and flip_ud move it to another corner and y = (A1 applied,
/// A2 applied) can be read off any image. An adversary reads y from z; trained alongside CSVAE's
/// encoder it reads it much worse than alongside the same ELBO without the entropy term (the control
/// tells the adversarial term's effect apart from z merely drifting during training, which alone
/// fools an adversary trained on the initial z); and w moves to its own label's prior.
/// </summary>
public sealed class CsvaeAdversaryTests : IDisposable
{
    private const int Digits = 32;
    private const int Epochs = 30;
    private readonly TempFolder folder = new();
    private readonly AlignedSets sets = MarkedSets(Digits, seed: 11);
    private readonly Tensor union;

    public CsvaeAdversaryTests()
    {
        union = sets.Union([AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]).DetachFromDisposeScope();
    }

    public void Dispose()
    {
        union.Dispose();
        sets.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void The_adversary_reads_y_from_z_but_csvaes_encoder_keeps_it_from_reading_it_as_well_as_without_the_entropy_term()
    {
        using var scope = NewDisposeScope();
        var (x, y) = Data();

        using var alone = CsvaeTests.Tiny(seed: 8);
        TrainAdversaryAlone(alone, x, y, steps: 300);
        AdversaryAccuracy(alone, x, y, sampled: false).Should().BeGreaterThan(0.95, "y is plain in these images, and so in the untrained encoder's z");

        // Both runs alternate M1-type steps with adversary steps on the same batches and noise; the control's
        // model loss leaves out the β4 term, so nothing asks its encoder to hide y.
        using var csvae = CsvaeTests.Tiny(seed: 8);
        var fooled = Train(csvae, "csvae", Epochs, (indices, generator) => CsvaeStages.Objective(csvae, union, Digits, indices, generator), x, y);
        using var control = CsvaeTests.Tiny(seed: 8);
        var reading = Train(control, "control", Epochs, (indices, generator) => WithoutEntropyTerm(control, indices, generator), x, y);

        var (csvaeAccuracy, controlAccuracy) = (fooled.TakeLast(10).Average(), reading.TakeLast(10).Average());
        controlAccuracy.Should().BeGreaterThan(0.9, "an adversary trained alongside a plain ELBO reads y from z");
        csvaeAccuracy.Should().BeLessThan(controlAccuracy - 0.1,
            "CSVAE's encoder lowers the adversary's accuracy toward chance (0.5 per label); control {0}", controlAccuracy);
    }

    [Fact]
    public void Over_a_longer_run_each_images_w_settles_at_its_own_labels_prior()
    {
        using var scope = NewDisposeScope();
        using var model = CsvaeTests.Tiny(seed: 8);
        var (x, y) = Data();
        WAccuracy(model, x, y).Should().BeLessThan(0.9, "untrained, w is not yet where its prior puts it");

        Train(model, "csvae", Epochs, (indices, generator) => CsvaeStages.Objective(model, union, Digits, indices, generator), x, y);

        WAccuracy(model, x, y).Should().BeGreaterThan(0.95, "KL(q(w|x,y) ‖ p(w|y)) pulls w to 0 when a label is off and 3 when it is on");
    }

    /// <summary>Random dim images (pixels below 64) with a 255-valued 8x8 block at the top left, and their flips.</summary>
    internal static AlignedSets MarkedSets(int count, int seed)
    {
        var bytes = new byte[count * 28 * 28];
        var random = new Random(seed);
        for (var i = 0; i < bytes.Length; i++)
        {
            var (row, column) = (i / 28 % 28, i % 28);
            bytes[i] = row < 8 && column < 8 ? (byte)255 : (byte)random.Next(64);
        }

        var orig = tensor(bytes, new long[] { count, 28, 28 }).DetachFromDisposeScope();
        var lr = orig.flip(2).DetachFromDisposeScope();
        return new AlignedSets(orig, lr, orig.flip(1).DetachFromDisposeScope(), lr.flip(1).DetachFromDisposeScope());
    }

    /// <summary>The union of the four sets as model input, and its labels.</summary>
    private (Tensor X, Tensor Y) Data()
    {
        var classes = arange(0, 4 * Digits).floor_divide(Digits).to(ScalarType.Int64);
        using var table = tensor(new float[] { 0, 0, 1, 0, 0, 1, 1, 1 }, new long[] { 4, 2 });
        return (AlignedSets.ToModelInput(union), table.index_select(0, classes));
    }

    /// <summary>
    /// Runs a stage as <see cref="ModelTrainers.TrainCsvae"/> does, on the model as it stands, and
    /// returns the adversary's accuracy on sampled z after every epoch.
    /// </summary>
    private List<double> Train(Csvae model, string name, int epochs, Func<Tensor, Generator, AdversarialLosses> losses, Tensor x, Tensor y)
    {
        var accuracies = new List<double>();
        var stage = new StagePlan("csvae", epochs, BatchSize: 16, LearningRate: 1e-3);
        var training = new ModelTraining(name, model, new Checkpoint(folder.File($"{name}.safetensors"), "key"), [stage],
            TinyTraining.Context(new EpochProbe(() => accuracies.Add(AdversaryAccuracy(model, x, y, sampled: true)))));
        training.RunAdversarialStage(stage, model.VaeParameters(),
            [.. model.Adversary.parameters()], union.size(0), losses);
        return accuracies;
    }

    /// <summary>CSVAE's batch objective with the β4 term taken back out of M1.</summary>
    private AdversarialLosses WithoutEntropyTerm(Csvae model, Tensor indices, Generator generator)
    {
        var xb = AlignedSets.ToModelInput(union.index_select(0, indices));
        var yb = model.Labels(indices.floor_divide(Digits).to(ScalarType.Int64));
        var q = model.Encode(xb, yb);
        var z = VaeObjective.Reparameterize(q.ZMu, q.ZLogVar, generator);
        var w = VaeObjective.Reparameterize(q.WMu, q.WLogVar, generator);
        var elbo = VaeObjective.Reconstruction(model.Decode(z, w), xb)
            + CsvaeObjective.KlDivergence(q.WMu, q.WLogVar, model.PriorMean(yb), model.PriorLogVar(yb))
            + (CsvaeObjective.ZKlWeight * VaeObjective.KlDivergence(q.ZMu, q.ZLogVar));
        var heldZ = z.detach();
        return new AdversarialLosses(StageLoss.Single("elbo", elbo), () => -CsvaeObjective.LogLikelihood(model.Adversary.Logits(heldZ), yb));
    }

    /// <summary>Full-batch steps of the adversary's loss on the encoder's z means, the encoder left as it is.</summary>
    private static void TrainAdversaryAlone(Csvae model, Tensor x, Tensor y, int steps)
    {
        using var z = Means(model, x);
        using var optimizer = new AdaBelief([.. model.Adversary.parameters()], learningRate: 1e-2);
        for (var step = 0; step < steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var loss = -CsvaeObjective.LogLikelihood(model.Adversary.Logits(z), y);
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
        }
    }

    /// <summary>The fraction of (image, label) pairs the adversary gets right from z = μ_z(x), or from z ~ q(z|x).</summary>
    private static double AdversaryAccuracy(Csvae model, Tensor x, Tensor y, bool sampled)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var noise = new Generator(99);
        var (mu, logVar) = model.ZEncoder.forward(x);
        var z = sampled ? VaeObjective.Reparameterize(mu, logVar, noise) : mu;
        var predicted = model.Adversary.Logits(z).gt(0).to(ScalarType.Float32);
        return predicted.eq(y).to(ScalarType.Float32).mean().ToDouble();
    }

    /// <summary>
    /// The fraction of (image, label) pairs whose w_i = μ_w(x, y) lies nearer its own label's prior
    /// mean (3 when on, 0 when off) than the other's: its two coordinates' mean against 1.5.
    /// </summary>
    private static double WAccuracy(Csvae model, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var w = model.Encode(x, y).WMu.view(-1, Csvae.LabelCount, Csvae.SubspaceWidth).mean([2]);
        return w.gt(1.5).to(ScalarType.Float32).eq(y).to(ScalarType.Float32).mean().ToDouble();
    }

    private static Tensor Means(Csvae model, Tensor x)
    {
        using var noGrad = no_grad();
        return model.ZEncoder.forward(x).Mu.detach().DetachFromDisposeScope();
    }
}

/// <summary>Calls a probe after every epoch; reports nothing else.</summary>
internal sealed class EpochProbe(Action probe) : ITrainingProgress
{
    public void StageStarted(string model, StagePlan stage, int firstEpoch, int batchesPerEpoch)
    {
    }

    public void BatchDone(string model, StagePlan stage, int epoch, int batch, double loss)
    {
    }

    public void EpochDone(string model, StagePlan stage, int epoch, double meanLoss, IReadOnlyList<KeyValuePair<string, double>> terms, TimeSpan elapsed) => probe();

    public void StageSkipped(string model, StagePlan stage, string reason)
    {
    }

    public void Notice(string message)
    {
    }
}
