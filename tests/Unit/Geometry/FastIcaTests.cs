using LaVae.Geometry;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Geometry;

public class FastIcaTests
{
    [Fact]
    public void Matches_scikit_learn_from_the_same_initial_unmixing()
    {
        using var scope = NewDisposeScope();
        var reference = ProjectionReference.Section("fastica");

        using var fit = FastIca.Fit(reference.Tensor("x"), 3, reference.Tensor("w_init"));

        ComponentMatching.ColumnsShouldMatchUpToSignAndOrder(fit.Sources, reference.Array("sources"), 1e-7, "sources");
        ComponentMatching.RowsShouldMatchUpToSignAndOrder(fit.Components, reference.Values("components"), 1e-7, "components");
        fit.Mean.ShouldBeClose(reference.Values("mean"), 1e-12, "mean");
        fit.Iterations.Should().Be((int)reference.Number("n_iter"), "the same fixed-point iterations stop at the same step");
    }

    [Fact]
    public void Sources_are_uncorrelated_with_unit_variance()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        var reference = ProjectionReference.Section("fastica");

        using var fit = FastIca.Fit(reference.Tensor("x"), 3, generator: generator);

        var centred = fit.Sources - fit.Sources.mean([0]);
        var covariance = centred.T.matmul(centred) / fit.Sources.size(0);
        covariance.ShouldBeClose([1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-9, "covariance of the sources (ddof 0)");
        fit.Iterations.Should().BeLessThan(FastIca.DefaultMaxIterations, "the mixture of non-Gaussian sources converges");
    }

    [Fact]
    public void Symmetric_decorrelation_makes_the_rows_orthonormal()
    {
        using var scope = NewDisposeScope();
        var w = tensor(new double[] { 2, 1, 0, 1, 3, 1, 0, 1, 4 }, new long[] { 3, 3 });

        var decorrelated = FastIca.SymmetricDecorrelation(w);

        decorrelated.matmul(decorrelated.T).ShouldBeClose([1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-12, "W·Wᵀ");
        // For symmetric positive definite W, (W·Wᵀ)^(-1/2)·W = W⁻¹·W = I.
        decorrelated.ShouldBeClose([1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-12, "a symmetric positive definite W becomes I");
    }
}
