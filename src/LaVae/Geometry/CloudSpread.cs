using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>
/// How much room a cloud of points takes: the log-determinant of its sample covariance (ddof 1),
/// the log of the squared volume of its covariance ellipsoid up to a constant. The difference of two
/// clouds' values is the log of their covariance volumes' ratio (0: the same spread).
/// </summary>
public static class CloudSpread
{
    /// <param name="cloud">(n, D) points, n &gt; D for a full-rank covariance.</param>
    public static double LogDeterminant(Tensor cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        using var scope = NewDisposeScope();
        var x = cloud.to(ScalarType.Float64);
        var centred = x - x.mean([0]);
        var covariance = centred.T.matmul(centred) / (x.size(0) - 1);
        var (values, _) = linalg.eigh(covariance);
        return values.log().sum().ToDouble();
    }
}
