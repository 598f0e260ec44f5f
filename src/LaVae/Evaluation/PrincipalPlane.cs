using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// A 2-D view of latent points for figures: fitted on a set of points (N, d), it projects any points
/// onto that set's first two principal axes. Figures take it through <see cref="PlaneProjection"/>, so
/// another projection (FastICA, as the paper's Fig. 5) replaces it in one line.
/// </summary>
public sealed class PrincipalPlane : IDisposable
{
    private readonly Tensor mean;
    private readonly Tensor axes;

    /// <param name="points">(N, d), N ≥ 2, float.</param>
    public PrincipalPlane(Tensor points)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var scope = Engine.NewDisposeScope();
        mean = points.Mean(0, keepDim: true).DetachFromScope();
        var (_, _, vh) = Linalg.Svd(points - mean);
        // The rows of Vh are the principal directions, largest variance first: (d, 2) after the transpose.
        axes = vh.Narrow(0, 0, 2).T.Contiguous().DetachFromScope();
    }

    /// <summary>The <see cref="PlaneProjection"/> onto the two principal axes of the fitting points.</summary>
    public static Tensor Projection(Tensor fit, Tensor points)
    {
        using var plane = new PrincipalPlane(fit);
        return plane.Project(points);
    }

    /// <summary>Coordinates (N, 2) of <paramref name="points"/> (N, d) on the two axes.</summary>
    public Tensor Project(Tensor points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return (points - mean).MatMul(axes);
    }

    public void Dispose()
    {
        mean.Dispose();
        axes.Dispose();
    }
}

/// <summary>A 2-D projection fitted on <paramref name="fit"/> (N, d), applied to <paramref name="points"/> (M, d): coordinates (M, 2).</summary>
public delegate Tensor PlaneProjection(Tensor fit, Tensor points);
