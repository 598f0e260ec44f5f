using LaVae.Data;
using LaVae.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>CSVAE's networks, prior and loss terms, recomputed by hand on small tensors.</summary>
public class CsvaeTests
{
    internal static Csvae Tiny(ulong seed = 1)
    {
        using var generator = new Generator(seed);
        return new Csvae(Models.Tiny.Shape, generator, CPU);
    }

    [Fact]
    public void The_latent_is_z_of_12_and_w_of_2_per_label_so_the_decoder_reads_16_as_every_other_model()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny();
        using var sets = Models.Tiny.Sets(3, seed: 1);
        var x = sets.Batch(AugClass.Orig, Models.Tiny.Indices(0, 1, 2));

        var q = model.Encode(x, model.Labels(AugClass.Compose, 3));

        model.ZDim.Should().Be(12);
        q.ZMu.shape.Should().Equal(3, 12);
        q.ZLogVar.shape.Should().Equal(3, 12);
        q.WMu.shape.Should().Equal(3, 4);
        q.WLogVar.shape.Should().Equal(3, 4);
        model.Decode(q.ZMu, q.WMu).shape.Should().Equal(3, 1, 28, 28);
        model.Adversary.Logits(q.ZMu).shape.Should().Equal(3, 2);
    }

    [Fact]
    public void Only_w_reads_the_labels_z_is_the_same_whatever_y_says()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny(seed: 2);
        using var sets = Models.Tiny.Sets(2, seed: 2);
        var x = sets.Batch(AugClass.Aug1, Models.Tiny.Indices(0, 1));

        var off = model.Encode(x, model.Labels(AugClass.Orig, 2));
        var on = model.Encode(x, model.Labels(AugClass.Compose, 2));

        ByHand.Values(on.ZMu).Should().Equal(ByHand.Values(off.ZMu), "q(z|x) does not see y");
        ByHand.Values(on.ZMu).Should().Equal(ByHand.Values(model.ZEncoder.forward(x).Mu), "z is the conv encoder's own head");
        ByHand.Values(on.WMu).Should().NotEqual(ByHand.Values(off.WMu), "q(w|x,y) does");
    }

    [Fact]
    public void Labels_are_A1_applied_and_A2_applied_per_set()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny();

        ByHand.Values(model.Labels(tensor(new long[] { 0, 1, 2, 3, 1 }))).Should().Equal(0, 0, 1, 0, 0, 1, 1, 1, 1, 0);
        ByHand.Values(model.Labels(AugClass.Aug2, 2)).Should().Equal(0, 1, 0, 1);
    }

    [Fact]
    public void The_prior_of_w_puts_each_labels_subspace_at_0_sd_0_1_when_off_and_at_3_sd_1_when_on()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny();
        var y = model.Labels(tensor(new long[] { 0, 1, 2, 3 }));

        ByHand.Values(model.PriorMean(y)).Should().Equal(
            0, 0, 0, 0,
            3, 3, 0, 0,
            0, 0, 3, 3,
            3, 3, 3, 3);
        var off = Math.Log(0.01);
        model.PriorLogVar(y).ShouldBeClose(
            [off, off, off, off,
             0, 0, off, off,
             off, off, 0, 0,
             0, 0, 0, 0], 1e-6, "log σ² of p(w|y)");
    }

    [Fact]
    public void Kl_to_a_non_standard_diagonal_gaussian_matches_the_closed_form_and_vanishes_at_the_prior()
    {
        using var scope = NewDisposeScope();
        double[] mu = [0.5, -1.0, 2.0, 3.5, 0.0, 1.0];
        double[] logVar = [-1.0, 0.3, -4.6, 0.0, 0.7, -2.0];
        double[] priorMu = [0.0, 0.0, 3.0, 3.0, 0.0, 3.0];
        double[] priorLogVar = [Math.Log(0.01), 0.0, 0.0, Math.Log(0.01), 0.5, 0.0];

        var kl = CsvaeObjective.KlDivergence(ByHand.Float(mu, 2, 3), ByHand.Float(logVar, 2, 3), ByHand.Float(priorMu, 2, 3), ByHand.Float(priorLogVar, 2, 3)).ToDouble();

        var expected = 0.0;
        for (var i = 0; i < mu.Length; i++)
        {
            // KL(N(m, v) ‖ N(mp, vp)) = ½ [ln(vp/v) + (v + (m − mp)²)/vp − 1], one dimension at a time.
            var (v, vp) = (Math.Exp(logVar[i]), Math.Exp(priorLogVar[i]));
            expected += 0.5 * (Math.Log(vp / v) + ((v + ((mu[i] - priorMu[i]) * (mu[i] - priorMu[i]))) / vp) - 1);
        }

        kl.Should().BeApproximately(expected, 1e-5 * expected);
        CsvaeObjective.KlDivergence(ByHand.Float(priorMu, 2, 3), ByHand.Float(priorLogVar, 2, 3), ByHand.Float(priorMu, 2, 3), ByHand.Float(priorLogVar, 2, 3))
            .ToDouble().Should().BeApproximately(0, 1e-6);
        var standard = zeros([2, 3]);
        CsvaeObjective.KlDivergence(ByHand.Float(mu, 2, 3), ByHand.Float(logVar, 2, 3), standard, standard).ToDouble()
            .Should().BeApproximately(VaeObjective.KlDivergence(ByHand.Float(mu, 2, 3), ByHand.Float(logVar, 2, 3)).ToDouble(), 1e-5,
                "against N(0, I) it is the ELBO's usual KL");
    }

    [Fact]
    public void Log_sigmoid_is_exact_where_log_of_sigmoid_is_and_finite_where_it_underflows()
    {
        using var scope = NewDisposeScope();
        double[] logits = [-200, -30, -2, 0, 0.5, 40];

        var values = ByHand.Values(CsvaeObjective.LogSigmoid(ByHand.Float(logits, 6)));

        values.ShouldBeClose(logits.Select(l => -Math.Log(1 + Math.Exp(-l))).ToArray(), 1e-6, "log σ(l)");
        values[0].Should().BeApproximately(-200, 1e-3, "log σ(−200) ≈ −200, not −∞");
    }

    [Fact]
    public void The_adversary_terms_are_its_negative_entropy_and_its_log_likelihood_of_y()
    {
        using var scope = NewDisposeScope();
        double[] logits = [0.0, 2.0, -1.0, 3.0];
        double[] y = [1, 0, 0, 1];
        double Q(double l) => 1 / (1 + Math.Exp(-l));

        var negentropy = CsvaeObjective.NegativeEntropy(ByHand.Float(logits, 2, 2)).ToDouble();
        var likelihood = CsvaeObjective.LogLikelihood(ByHand.Float(logits, 2, 2), ByHand.Float(y, 2, 2)).ToDouble();

        negentropy.Should().BeApproximately(logits.Sum(l => (Q(l) * Math.Log(Q(l))) + ((1 - Q(l)) * Math.Log(1 - Q(l)))), 1e-6);
        likelihood.Should().BeApproximately(logits.Select((l, i) => (y[i] * Math.Log(Q(l))) + ((1 - y[i]) * Math.Log(1 - Q(l)))).Sum(), 1e-6);
        CsvaeObjective.NegativeEntropy(zeros([3, 2])).ToDouble().Should().BeApproximately(-6 * Math.Log(2), 1e-6, "at chance each label has entropy ln 2");
    }

    [Fact]
    public void Vae_parameters_and_adversary_parameters_split_the_model_without_overlap()
    {
        using var model = Tiny();
        var vae = model.VaeParameters().ToHashSet(ReferenceEqualityComparer.Instance);
        var adversary = model.Adversary.parameters().ToHashSet(ReferenceEqualityComparer.Instance);

        var named = model.named_parameters().ToList();
        named.Should().HaveCount(vae.Count + adversary.Count);
        named.Should().OnlyContain(p => vae.Contains(p.parameter) != adversary.Contains(p.parameter), "every parameter is in exactly one group");
        named.Where(p => adversary.Contains(p.parameter)).Select(p => p.name).Should().OnlyContain(n => n.StartsWith("adversary.", StringComparison.Ordinal));
    }
}
