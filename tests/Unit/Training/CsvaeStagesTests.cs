using LaVae.Data;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>CSVAE's batch objective recomputed by hand, and where each of its terms sends gradient.</summary>
public class CsvaeStagesTests
{
    private const int N = 4;

    [Fact]
    public void M1_is_bce_plus_kl_of_w_to_its_label_prior_plus_0_2_kl_of_z_plus_10_times_the_adversary_negentropy()
    {
        using var scope = NewDisposeScope();
        using var model = CsvaeTests.Tiny(seed: 3);
        using var sets = Tiny.UnrelatedSets(N, seed: 3);
        var union = sets.Union([AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]);
        long[] examples = [1, 6, 11, 12, 3];
        using var generator = new Generator(7);
        using var twin = new Generator(7);

        var losses = CsvaeStages.Objective(model, union, N, Tiny.Indices(examples), generator);
        var m1 = losses.ModelLoss.Total.ToDouble();
        var adversaryLoss = losses.AdversaryLoss().ToDouble();

        // Example i is image i mod 4 of set i div 4; the set's labels are (A1 applied, A2 applied).
        int[] classes = [0, 1, 2, 3, 0];
        int[] digits = [1, 2, 3, 0, 3];
        double[][] labelOf = [[0, 0], [1, 0], [0, 1], [1, 1]];
        var y = classes.SelectMany(c => labelOf[c]).ToArray();
        var x = classes.Zip(digits).SelectMany(p => ByHand.Pixels(sets[(AugClass)p.First].select(0, p.Second))).ToArray();
        var q = model.Encode(ByHand.Float(x, 5, 1, 28, 28), ByHand.Float(y, 5, 2));
        var z = ByHand.Reparameterize(ByHand.Values(q.ZMu), ByHand.Values(q.ZLogVar), ByHand.Values(randn([5, 12], generator: twin)));
        var w = ByHand.Reparameterize(ByHand.Values(q.WMu), ByHand.Values(q.WLogVar), ByHand.Values(randn([5, 4], generator: twin)));
        var decoded = ByHand.Values(model.Decode(ByHand.Float(z, 5, 12), ByHand.Float(w, 5, 4)));

        // p(w_i | y_i): N(0, 0.1²) when off, N(3, 1) when on, over the two columns of w_i.
        var (wMu, wLogVar) = (ByHand.Values(q.WMu), ByHand.Values(q.WLogVar));
        var klW = 0.0;
        for (var j = 0; j < wMu.Length; j++)
        {
            var on = y[((j / 4) * 2) + ((j % 4) / 2)] == 1;
            var (priorMean, priorVar) = on ? (3.0, 1.0) : (0.0, 0.01);
            var v = Math.Exp(wLogVar[j]);
            klW += 0.5 * (Math.Log(priorVar / v) + ((v + ((wMu[j] - priorMean) * (wMu[j] - priorMean))) / priorVar) - 1);
        }

        var adversary = ByHand.Values(model.Adversary.Logits(ByHand.Float(z, 5, 12))).Select(l => 1 / (1 + Math.Exp(-l))).ToArray();
        var negentropy = adversary.Sum(p => (p * Math.Log(p)) + ((1 - p) * Math.Log(1 - p)));
        var expected = ByHand.SummedBce(decoded, x) + klW + (0.2 * ByHand.Kl(ByHand.Values(q.ZMu), ByHand.Values(q.ZLogVar))) + (10 * negentropy);
        m1.Should().BeApproximately(expected, 1e-5 * Math.Abs(expected));

        var likelihood = adversary.Select((p, i) => (y[i] * Math.Log(p)) + ((1 - y[i]) * Math.Log(1 - p))).Sum();
        adversaryLoss.Should().BeApproximately(-likelihood, 1e-5 * Math.Abs(likelihood), "M2 is the adversary's cross-entropy on the same z");
    }

    [Fact]
    public void M1_reaches_every_encoder_and_decoder_parameter_and_the_adversary_loss_only_the_adversary()
    {
        using var scope = NewDisposeScope();
        using var model = CsvaeTests.Tiny(seed: 4);
        using var sets = Tiny.Sets(N, seed: 4);
        var union = sets.Union([AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]);
        using var generator = new Generator(4);
        var losses = CsvaeStages.Objective(model, union, N, Tiny.Indices(0, 5, 10, 15), generator);

        losses.ModelLoss.Total.backward();
        model.VaeParameters().Should().OnlyContain(p => HasGradient(p), "M1 trains both posteriors and the decoder");
        ClearAll(model);

        losses.AdversaryLoss().backward();
        model.Adversary.parameters().Should().OnlyContain(p => HasGradient(p));
        model.VaeParameters().Should().NotContain(p => HasGradient(p), "the adversary reads a detached z");
    }

    [Fact]
    public void The_adversary_term_of_M1_pushes_q_z_and_the_adversary_only_never_w_or_the_decoder()
    {
        using var scope = NewDisposeScope();
        using var model = CsvaeTests.Tiny(seed: 5);
        using var sets = Tiny.Sets(N, seed: 5);
        var x = sets.Batch(AugClass.Aug2, Tiny.Indices(0, 1, 2, 3));
        var q = model.Encode(x, model.Labels(AugClass.Aug2, N));
        using var generator = new Generator(5);
        var z = VaeObjective.Reparameterize(q.ZMu, q.ZLogVar, generator);

        CsvaeObjective.NegativeEntropy(model.Adversary.Logits(z)).backward();

        var reached = model.named_parameters().Where(p => HasGradient(p.parameter)).Select(p => p.name).ToList();
        reached.Should().BeEquivalentTo(model.named_parameters().Select(p => p.name)
            .Where(n => n.StartsWith("encoder_z.", StringComparison.Ordinal) || n.StartsWith("adversary.", StringComparison.Ordinal)));
    }

    internal static bool HasGradient(Tensor parameter)
    {
        using var grad = parameter.grad;
        return grad is not null && grad.abs().sum().ToDouble() > 0;
    }

    private static void ClearAll(Csvae model)
    {
        foreach (var p in model.parameters())
        {
            p.grad = null;
        }
    }
}
