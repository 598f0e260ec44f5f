using LaVae.Geometry;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Geometry;

/// <summary>Fig. 5's projection: FastICA's two sources, applied to new points as scikit-learn's transform.</summary>
public class IcaPlaneTests
{
    [Fact]
    public void Projecting_the_fitted_points_gives_the_fits_two_sources()
    {
        using var scope = NewDisposeScope();
        var points = ProjectionReference.Section("fastica").Tensor("x").to(ScalarType.Float32);
        using var generator = new Generator(0);
        using var fit = FastIca.Fit(points, 2, generator: generator);

        var projected = IcaPlane.Projection(points, points);

        projected.dtype.Should().Be(ScalarType.Float32, "the projection keeps the points' dtype");
        projected.shape.Should().Equal(points.size(0), 2);
        projected.ShouldBeClose(fit.Sources.to(ScalarType.Float32).contiguous().ToArray<float>().Select(v => (double)v).ToArray(), 1e-4, "transform of the fitted data");
    }

    [Fact]
    public void A_new_point_is_centred_on_the_fits_mean_before_unmixing()
    {
        using var scope = NewDisposeScope();
        var points = ProjectionReference.Section("fastica").Tensor("x").to(ScalarType.Float32);
        using var generator = new Generator(0);
        using var fit = FastIca.Fit(points, 2, generator: generator);

        var atMean = IcaPlane.Projection(points, fit.Mean.to(ScalarType.Float32).unsqueeze(0));

        atMean.ShouldBeClose([0, 0], 1e-4, "the mean projects to the origin");
    }
}
