using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>
/// The 2-D view of the paper's Fig. 5: FastICA with two components fitted on a set of latent points,
/// applied to any points as scikit-learn's <c>transform</c> does ((x − mean)·componentsᵀ). Figures take
/// it through <see cref="PlaneProjection"/>, so another projection replaces it in one line.
/// </summary>
public static class IcaPlane
{
    /// <summary>w_init's seed: the figure is the same on every run (the authors' random_state is unknown).</summary>
    private const ulong InitSeed = 0;

    /// <summary>Coordinates (M, 2), in <paramref name="points"/>' dtype, on the two independent components of <paramref name="fit"/> (N, d).</summary>
    public static Tensor Projection(Tensor fit, Tensor points)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(points);
        using var generator = new Generator(InitSeed, fit.device);
        using var ica = FastIca.Fit(fit, components: 2, generator: generator);
        using var scope = NewDisposeScope();
        var projected = (points.to(ScalarType.Float64) - ica.Mean).matmul(ica.Components.T);
        return projected.to(points.dtype).MoveToOuterDisposeScope();
    }
}

/// <summary>A 2-D projection fitted on <paramref name="fit"/> (N, d), applied to <paramref name="points"/> (M, d): coordinates (M, 2).</summary>
public delegate Tensor PlaneProjection(Tensor fit, Tensor points);
