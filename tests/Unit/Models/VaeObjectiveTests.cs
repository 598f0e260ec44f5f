using LaVae.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>The ELBO's pieces: the reparameterisation trick, the KL term and the summed BCE.</summary>
public class VaeObjectiveTests
{
    [Fact]
    public void Kl_divergence_to_the_standard_normal_matches_the_closed_form()
    {
        using var scope = NewDisposeScope();
        double[] mu = [0.5, -1.0, 0.0, 2.0, 0.1, -0.3];
        double[] logVar = [0.0, -0.5, 1.0, 0.2, -2.0, 0.0];

        var kl = VaeObjective.KlDivergence(ByHand.Float(mu, 2, 3), ByHand.Float(logVar, 2, 3)).ToDouble();

        // Term by term: −½(1 + v − m² − eᵛ) for each (m, v), summed over the batch and dimensions.
        var expected = 0.125 + 0.55326533 + 0.35914091 + 2.01070138 + 0.57266764 + 0.045;
        kl.Should().BeApproximately(expected, 1e-5);
        kl.Should().BeApproximately(ByHand.Kl(mu, logVar), 1e-5);
    }

    [Fact]
    public void Kl_divergence_is_zero_exactly_at_the_prior()
    {
        using var scope = NewDisposeScope();

        VaeObjective.KlDivergence(zeros([4, 16]), zeros([4, 16])).ToDouble().Should().Be(0);
    }

    [Fact]
    public void Reparameterize_is_mu_plus_sigma_times_noise_from_the_given_generator()
    {
        using var scope = NewDisposeScope();
        var mu = Tiny.Matrix(3, 16, seed: 1, low: -2, high: 2);
        var logVar = Tiny.Matrix(3, 16, seed: 2, low: -3, high: 1);
        using var generator = new Generator(42);
        using var twin = new Generator(42);

        var z = VaeObjective.Reparameterize(mu, logVar, generator);
        var epsilon = randn([3, 16], generator: twin);

        z.shape.Should().Equal(3, 16);
        z.ShouldBeClose(ByHand.Reparameterize(ByHand.Values(mu), ByHand.Values(logVar), ByHand.Values(epsilon)), 1e-6, "μ + exp(½ log σ²)·ε");
        var next = VaeObjective.Reparameterize(mu, logVar, generator);
        ByHand.Values(next).Should().NotEqual(ByHand.Values(z), "the generator advances, so each call draws fresh noise");
    }

    [Fact]
    public void Reconstruction_is_the_binary_cross_entropy_summed_over_pixels_and_batch()
    {
        using var scope = NewDisposeScope();
        var prediction = TestData.Uniform(seed: 3, count: 2 * 28 * 28, low: 0.01, high: 0.99);
        var target = TestData.Uniform(seed: 4, count: 2 * 28 * 28, low: 0, high: 1).Select(t => Math.Round(t * 255) / 255).ToArray();

        var bce = VaeObjective.Reconstruction(ByHand.Float(prediction, 2, 1, 28, 28), ByHand.Float(target, 2, 1, 28, 28)).ToDouble();

        bce.Should().BeApproximately(ByHand.SummedBce(prediction, target), 1e-6 * Math.Abs(bce));
        bce.Should().BeGreaterThan(1000, "a sum over 1568 pixels, not a mean");
    }

    [Fact]
    public void Reconstruction_of_a_constant_one_half_costs_ln_2_per_pixel()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.Sets(3, seed: 5);

        var bce = VaeObjective.Reconstruction(full([3, 1, 28, 28], 0.5), sets.Batch(AugClass.Orig, Tiny.Indices(0, 1, 2))).ToDouble();

        bce.Should().BeApproximately(3 * 784 * Math.Log(2), 1e-3);
    }
}
