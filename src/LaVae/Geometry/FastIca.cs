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
        if (data.Dimensions != 2 || components < 1 || components > Math.Min(data.size(0), data.size(1)))
        {
            throw new ArgumentException($"FastICA of {components} component(s) needs (N, D) data with min(N, D) >= {components}; got [{string.Join(", ", data.shape)}]");
        }

        using var scope = NewDisposeScope();
        var samples = data.size(0);
        var x = data.to(ScalarType.Float64);
        var mean = x.mean([0]);
        var centredT = (x - mean).T; // (D, N), scikit-learn's XT

        // Whitening: XT = U·diag(d)·Vh; K = (U/d)ᵀ[:k] after fixing each column of U to a positive first row.
        var (u, d, _) = linalg.svd(centredT, fullMatrices: false);
        u *= u.narrow(0, 0, 1).sign();
        var whitening = (u / d).T.narrow(0, 0, components); // (k, D)
        var white = whitening.matmul(centredT) * Math.Sqrt(samples); // (k, N), unit covariance

        var init = initialUnmixing?.to(ScalarType.Float64, data.device)
            ?? randn([components, components], dtype: ScalarType.Float64, device: data.device, generator: generator);
        var (unmixing, iterations) = Parallel(white, init, maxIterations, tolerance);

        var componentsMatrix = unmixing.matmul(whitening); // (k, D)
        var sources = componentsMatrix.matmul(centredT).T; // (N, k)
        var sourceStd = sources.std([0], unbiased: false, keepdim: true); // (1, k)
        return new IcaFit(
            mean.MoveToOuterDisposeScope(),
            (componentsMatrix / sourceStd.T).MoveToOuterDisposeScope(),
            (sources / sourceStd).MoveToOuterDisposeScope(),
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
        var samples = (double)white.size(1);
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            using var step = NewDisposeScope();
            var g = w.matmul(white).tanh(); // logcosh's g, alpha = 1
            var gPrimeMean = (1.0 - g.square()).mean([1], keepdim: true); // (k, 1)
            var next = SymmetricDecorrelation((g.matmul(white.T) / samples) - (gPrimeMean * w));
            var change = ((next * w).sum(1).abs() - 1.0).abs().max().ToDouble();
            w = next.MoveToOuterDisposeScope();
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
        using var scope = NewDisposeScope();
        var (values, vectors) = linalg.eigh(w.matmul(w.T));
        var inverseRoot = values.clamp(min: SmallestNormalDouble).sqrt().reciprocal();
        return (vectors * inverseRoot).matmul(vectors.T).matmul(w).MoveToOuterDisposeScope();
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
