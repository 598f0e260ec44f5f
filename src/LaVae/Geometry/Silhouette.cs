using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>
/// The mean silhouette coefficient, as scikit-learn's <c>silhouette_score(X, labels)</c> (euclidean)
/// defines it: for each sample, a = mean distance to the other members of its cluster, b = the
/// smallest mean distance to the members of another cluster, s = (b − a)/max(a, b), and s = 0 for a
/// sample alone in its cluster. Near 1: well separated clouds; near 0: overlapping ones.
/// </summary>
public static class Silhouette
{
    /// <param name="data">(N, D) samples.</param>
    /// <param name="labels">(N) int64 cluster indices 0..C−1, each used at least once.</param>
    public static double Score(Tensor data, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        var device = data.device;
        var clusters = (long)labels.max().ToDouble() + 1;
        if (clusters < 2 || clusters >= data.size(0))
        {
            throw new ArgumentException($"the silhouette needs 2 <= clusters <= N - 1; got {clusters} for {data.size(0)} samples");
        }

        var oneHot = labels.unsqueeze(1).eq(arange(0, clusters, device: device).unsqueeze(0)).to(ScalarType.Float64); // (N, C)
        var sums = PairwiseDistances.Euclidean(data).matmul(oneHot); // (N, C): Σ distance to each cluster
        var sizes = oneHot.sum(0, keepdim: true); // (1, C)
        var ownSize = (oneHot * sizes).sum(1); // (N)
        var a = (sums * oneHot).sum(1) / (ownSize - 1.0).clamp(min: 1.0);
        var otherMeans = where(oneHot.gt(0.0), full([1, 1], double.PositiveInfinity, ScalarType.Float64, device), sums / sizes);
        var b = otherMeans.amin(1);
        var s = (b - a) / a.maximum(b);
        var alone = ownSize.le(1.0).logical_or(s.isnan());
        return where(alone, zeros([1], ScalarType.Float64, device), s).mean().ToDouble();
    }
}
