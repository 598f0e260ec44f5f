using LaVae.Geometry;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;
using Xunit.Abstractions;

namespace LaVae.Tests.Unit.Geometry;

public class TsneTests(ITestOutputHelper output)
{
    /// <summary>Rows of P the reference stores (each row's bisection is independent of the others').</summary>
    private const int ReferenceRows = 24;

    [Fact]
    public void Conditional_probabilities_match_scikit_learns_bisection()
    {
        using var scope = NewDisposeScope();
        var reference = ProjectionReference.Section("tsne");
        var squared = PairwiseDistances.SquaredEuclidean(reference.Tensor("x"));

        var conditional = PerplexityCalibration.Conditional(squared, reference.Number("perplexity"));

        conditional.narrow(0, 0, ReferenceRows).ShouldBeClose(reference.Values("conditional_p_first_rows"), 1e-10, "p(j|i)");
    }

    [Fact]
    public void Each_conditional_distribution_has_the_asked_perplexity()
    {
        using var scope = NewDisposeScope();
        var reference = ProjectionReference.Section("tsne");

        var p = PerplexityCalibration.Conditional(PairwiseDistances.SquaredEuclidean(reference.Tensor("x")), 30);

        var entropy = -(p * p.clamp(min: 1e-300).log()).sum(1);
        Approx.Values(entropy).Should().OnlyContain(h => Math.Abs(h - Math.Log(30)) <= 1e-5, "the bisection stops within scikit-learn's entropy tolerance");
        Approx.Values(p.sum(1)).Should().OnlyContain(s => Math.Abs(s - 1) < 1e-12, "each row is a distribution");
    }

    [Fact]
    public void Joint_probabilities_match_scikit_learn()
    {
        using var scope = NewDisposeScope();
        var reference = ProjectionReference.Section("tsne");

        var joint = PerplexityCalibration.Joint(PairwiseDistances.SquaredEuclidean(reference.Tensor("x")), reference.Number("perplexity"));

        joint.narrow(0, 0, ReferenceRows).ShouldBeClose(reference.Values("joint_p_first_rows"), 1e-12, "p_ij");
        joint.sum().ToDouble().Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void Gradient_is_the_derivative_of_the_kl_divergence()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var x = randn([12, 5], dtype: ScalarType.Float64, generator: generator);
        var p = PerplexityCalibration.Joint(PairwiseDistances.SquaredEuclidean(x), 4);
        var offDiagonal = PairwiseDistances.OffDiagonal(12, CPU);
        var y = randn([12, 2], dtype: ScalarType.Float64, generator: generator);

        var (_, gradient) = Tsne.Objective(y, p, offDiagonal);

        var values = y.ToArray<double>();
        var numeric = new double[values.Length];
        const double h = 1e-6;
        for (var i = 0; i < values.Length; i++)
        {
            numeric[i] = (Kl(values, i, h) - Kl(values, i, -h)) / (2 * h);
        }

        gradient.ShouldBeClose(numeric, 1e-6, "analytic against central differences");

        double Kl(double[] at, int index, double step)
        {
            var moved = (double[])at.Clone();
            moved[index] += step;
            var (kl, _) = Tsne.Objective(tensor(moved, new long[] { 12, 2 }), p, offDiagonal);
            return kl!.ToDouble();
        }
    }

    [Fact]
    public void Exact_tsne_reaches_scikit_learns_kl_divergence_and_trustworthiness()
    {
        using var scope = NewDisposeScope();
        var reference = ProjectionReference.Section("tsne");
        var x = reference.Tensor("x");

        using var fit = Tsne.Embed(x, new TsneOptions(Perplexity: reference.Number("perplexity"), Iterations: (int)reference.Number("n_iter")));

        // scikit-learn (float32 embedding) reaches KL 0.0160 and trustworthiness 0.939 on these three clouds.
        var trust = Trustworthiness.Measure(x, fit.Embedding);
        output.WriteLine($"KL {fit.KlDivergence:R} (scikit-learn {reference.Number("kl_divergence"):R}), trustworthiness {trust:R} (scikit-learn {reference.Number("trustworthiness"):R})");
        fit.Iterations.Should().Be((int)reference.Number("n_iter_run"));
        fit.KlDivergence.Should().BeInRange(0, reference.Number("kl_divergence") + 0.005, "KL within 0.005 of scikit-learn's");
        trust.Should().BeGreaterThanOrEqualTo(reference.Number("trustworthiness") - 0.01, "neighbourhoods kept as well as scikit-learn's, within 0.01");
    }
}
