using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>
/// Principal component analysis as scikit-learn's <c>PCA(n_components=k, svd_solver="full")</c>
/// computes it: centre, reduced SVD of the centred data, keep the first k right singular vectors.
/// Signs follow scikit-learn's <c>svd_flip(U, Vt)</c> (u-based, the rule of the 1.2 that Debian
/// bookworm ships): each component's sign makes the largest-magnitude entry of its column of U positive.
/// </summary>
public static class Pca
{
    /// <param name="data">(N, D) samples in rows, on any device; computed in float64.</param>
    public static PcaFit Fit(Tensor data, int components)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Dimensions != 2 || components < 1 || components > Math.Min(data.size(0), data.size(1)))
        {
            throw new ArgumentException($"PCA of {components} component(s) needs (N, D) data with min(N, D) >= {components}; got [{string.Join(", ", data.shape)}]");
        }

        using var scope = NewDisposeScope();
        var x = data.to(ScalarType.Float64);
        var mean = x.mean([0]);
        var centred = x - mean;
        var (u, s, vh) = linalg.svd(centred, fullMatrices: false);
        var (flippedU, flippedVh) = SvdFlip(u, vh);
        var kept = flippedU.narrow(1, 0, components);
        var singular = s.narrow(0, 0, components);
        return new PcaFit(
            mean.MoveToOuterDisposeScope(),
            flippedVh.narrow(0, 0, components).MoveToOuterDisposeScope(),
            (singular.square() / (x.size(0) - 1)).MoveToOuterDisposeScope(),
            (kept * singular).MoveToOuterDisposeScope());
    }

    /// <summary>scikit-learn's <c>svd_flip(u, v, u_based_decision=True)</c>: per column of U, the sign of its largest-|.| entry.</summary>
    internal static (Tensor U, Tensor Vh) SvdFlip(Tensor u, Tensor vh)
    {
        var largest = u.abs().argmax(0, keepdim: true);
        var signs = u.gather(0, largest).sign();
        return (u * signs, vh * signs.T);
    }
}

/// <param name="Mean">(D) the training mean.</param>
/// <param name="Components">(k, D) principal axes, unit rows, by decreasing variance.</param>
/// <param name="ExplainedVariance">(k) variance along each axis (ddof 1, as scikit-learn).</param>
/// <param name="Embedding">(N, k) the centred data on the axes (scikit-learn's fit_transform).</param>
public sealed record PcaFit(Tensor Mean, Tensor Components, Tensor ExplainedVariance, Tensor Embedding) : IDisposable
{
    public void Dispose()
    {
        Mean.Dispose();
        Components.Dispose();
        ExplainedVariance.Dispose();
        Embedding.Dispose();
    }
}
