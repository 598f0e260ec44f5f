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
        using var scope = Engine.NewDisposeScope();
        var device = data.Device;
        var clusters = (long)labels.Max().Item() + 1;
        if (clusters < 2 || clusters >= data.Size(0))
        {
            throw new ArgumentException($"the silhouette needs 2 <= clusters <= N - 1; got {clusters} for {data.Size(0)} samples");
        }

        var oneHot = labels.Unsqueeze(1).Eq(Tensor.Arange(0, clusters, device: device).Unsqueeze(0)).To(DType.Float64); // (N, C)
        var sums = PairwiseDistances.Euclidean(data).MatMul(oneHot); // (N, C): Σ distance to each cluster
        var sizes = oneHot.Sum(0, keepDim: true); // (1, C)
        var ownSize = (oneHot * sizes).Sum(1); // (N)
        var a = (sums * oneHot).Sum(1) / (ownSize - 1.0).Clamp(min: 1.0);
        var otherMeans = Tensor.Where(oneHot.Gt(0.0), Tensor.Full([1, 1], double.PositiveInfinity, DType.Float64, device), sums / sizes);
        var b = otherMeans.Min(1);
        var s = (b - a) / a.Maximum(b);
        var alone = ownSize.Le(1.0).LogicalOr(s.IsNan());
        return Tensor.Where(alone, Tensor.Zeros([1], DType.Float64, device), s).Mean().Item();
    }
}
