using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>
/// FastICA as scikit-learn defines it (<c>FastICA(n_components=k, algorithm="parallel",
/// whiten="unit-variance", fun="logcosh", whiten_solver="svd", tol=1e-4, max_iter=200)</c>;
/// "unit-variance" is the default from scikit-learn 1.3, and is passed explicitly to the 1.2 that
/// Debian bookworm ships): centre, whiten by the SVD of the centred data, run the symmetric
/// fixed-point iteration with g = tanh, then scale each source to unit variance.
/// </summary>
public static class FastIca
{
    public const int DefaultMaxIterations = 200;
    public const double DefaultTolerance = 1e-4;

    /// <summary>NumPy's <c>finfo(float64).tiny</c>, the smallest normal double (C#'s double.Epsilon is the smallest subnormal).</summary>
    private const double SmallestNormalDouble = 2.2250738585072014e-308;

    /// <param name="data">(N, D) samples in rows, on any device; computed in float64.</param>
    /// <param name="initialUnmixing">(k, k) w_init; null draws it from a standard normal with <paramref name="generator"/> (scikit-learn draws it from its random_state).</param>
    public static IcaFit Fit(
        Tensor data,
        int components,
        Tensor? initialUnmixing = null,
        Generator? generator = null,
        int maxIterations = DefaultMaxIterations,
        double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Dim != 2 || components < 1 || components > Math.Min(data.Size(0), data.Size(1)))
        {
            throw new ArgumentException($"FastICA of {components} component(s) needs (N, D) data with min(N, D) >= {components}; got [{string.Join(", ", data.Shape)}]");
        }

        using var scope = Engine.NewDisposeScope();
        var samples = data.Size(0);
        var x = data.To(DType.Float64);
        var mean = x.Mean(0);
        var centredT = (x - mean).T; // (D, N), scikit-learn's XT

        // Whitening: XT = U·diag(d)·Vh; K = (U/d)ᵀ[:k] after fixing each column of U to a positive first row.
        var (u, d, _) = Linalg.Svd(centredT);
        u *= u.Narrow(0, 0, 1).Sign();
        var whitening = (u / d).T.Narrow(0, 0, components); // (k, D)
        var white = whitening.MatMul(centredT) * Math.Sqrt(samples); // (k, N), unit covariance

        var init = initialUnmixing?.To(DType.Float64, data.Device)
            ?? Tensor.Randn([components, components], generator, DType.Float64, data.Device);
        var (unmixing, iterations) = Parallel(white, init, maxIterations, tolerance);

        var componentsMatrix = unmixing.MatMul(whitening); // (k, D)
        var sources = componentsMatrix.MatMul(centredT).T; // (N, k)
        var sourceStd = sources.Std([0], unbiased: false, keepDim: true); // (1, k)
        return new IcaFit(
            mean.MoveToOuterScope(),
            (componentsMatrix / sourceStd.T).MoveToOuterScope(),
            (sources / sourceStd).MoveToOuterScope(),
            iterations);
    }

    /// <summary>
    /// scikit-learn's <c>_ica_par</c>: W ← sym_decorrelation(E[g(WX)Xᵀ] − E[g'(WX)]·W) until
    /// max |(|diag(W₁Wᵀ)| − 1)| &lt; tol. The stop test reads one number per iteration back to the host:
    /// the iteration count depends on it.
    /// </summary>
    private static (Tensor Unmixing, int Iterations) Parallel(Tensor white, Tensor init, int maxIterations, double tolerance)
    {
        var w = SymmetricDecorrelation(init);
        var samples = (double)white.Size(1);
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            using var step = Engine.NewDisposeScope();
            var g = w.MatMul(white).Tanh(); // logcosh's g, alpha = 1
            var gPrimeMean = (1.0 - g.Square()).Mean(1, keepDim: true); // (k, 1)
            var next = SymmetricDecorrelation((g.MatMul(white.T) / samples) - (gPrimeMean * w));
            var change = ((next * w).Sum(1).Abs() - 1.0).Abs().Max().Item();
            w = next.MoveToOuterScope();
            if (change < tolerance)
            {
                return (w, iteration);
            }
        }

        return (w, maxIterations);
    }

    /// <summary>(W·Wᵀ)^(-1/2)·W through the eigen-decomposition, eigenvalues clipped at float64's tiny as scikit-learn does.</summary>
    internal static Tensor SymmetricDecorrelation(Tensor w)
    {
        using var scope = Engine.NewDisposeScope();
        var (values, vectors) = Linalg.Eigh(w.MatMul(w.T));
        var inverseRoot = values.Clamp(min: SmallestNormalDouble).Sqrt().Reciprocal();
        return (vectors * inverseRoot).MatMul(vectors.T).MatMul(w).MoveToOuterScope();
    }
}

/// <param name="Mean">(D) the training mean.</param>
/// <param name="Components">(k, D) the unmixing matrix applied to centred data (scikit-learn's components_).</param>
/// <param name="Sources">(N, k) the estimated sources, unit variance each (scikit-learn's fit_transform).</param>
/// <param name="Iterations">Fixed-point iterations run (scikit-learn's n_iter_).</param>
public sealed record IcaFit(Tensor Mean, Tensor Components, Tensor Sources, int Iterations) : IDisposable
{
    public void Dispose()
    {
        Mean.Dispose();
        Components.Dispose();
        Sources.Dispose();
    }
}
