using LaVae.Geometry;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Geometry;

public class PcaTests
{
    [Fact]
    public void Matches_scikit_learn_up_to_sign_and_order()
    {
        using var scope = NewDisposeScope();
        var reference = ProjectionReference.Section("pca");

        using var fit = Pca.Fit(reference.Tensor("x"), 3);

        ComponentMatching.RowsShouldMatchUpToSignAndOrder(fit.Components, reference.Values("components"), 1e-9, "components");
        ComponentMatching.ColumnsShouldMatchUpToSignAndOrder(fit.Embedding, reference.Array("embedding"), 1e-9, "embedding");
        fit.ExplainedVariance.ShouldBeClose(reference.Values("explained_variance"), 1e-10, "explained variance");
        fit.Mean.ShouldBeClose(reference.Values("mean"), 1e-12, "mean");
    }

    [Fact]
    public void Signs_follow_scikit_learns_svd_flip()
    {
        using var scope = NewDisposeScope();
        var reference = ProjectionReference.Section("pca");

        using var fit = Pca.Fit(reference.Tensor("x"), 3);

        fit.Components.ShouldBeClose(reference.Values("components"), 1e-9, "components with their signs");
        fit.Embedding.ShouldBeClose(reference.Values("embedding"), 1e-9, "embedding with its signs");
    }

    [Fact]
    public void Points_on_a_line_project_onto_the_line()
    {
        using var scope = NewDisposeScope();
        // x = (1, 2) + t·(0.6, 0.8) for t = -1, 0, 1, 3: centred t is -1.75, -0.75, 0.25, 2.25, whose
        // largest entry is positive, so svd_flip keeps the direction (0.6, 0.8).
        double[] t = [-1, 0, 1, 3];
        var points = t.SelectMany(v => new[] { 1 + (0.6 * v), 2 + (0.8 * v) }).ToArray();

        using var fit = Pca.Fit(tensor(points, new long[] { 4, 2 }), 2);

        fit.Components.narrow(0, 0, 1).ShouldBeClose([0.6, 0.8], 1e-12, "the line's direction");
        fit.Embedding.select(1, 0).ShouldBeClose([-1.75, -0.75, 0.25, 2.25], 1e-12, "positions along the line");
        fit.Embedding.select(1, 1).ShouldBeClose([0, 0, 0, 0], 1e-12, "nothing off the line");
        // var(t, ddof 1) = (1.75² + 0.75² + 0.25² + 2.25²)/3 = 8.75/3.
        fit.ExplainedVariance.ShouldBeClose([8.75 / 3, 0], 1e-12, "variance along and across the line");
        fit.Mean.ShouldBeClose([1 + (0.6 * 0.75), 2 + (0.8 * 0.75)], 1e-12, "mean");
    }
}
