using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>
/// How well an embedding keeps local neighbourhoods, as scikit-learn's
/// <c>sklearn.manifold.trustworthiness(X, X_embedded, n_neighbors=5)</c> defines it (Venna and Kaski):
/// T = 1 − 2/(N·k·(2N − 3k − 1)) · Σᵢ Σ_{j ∈ kNN_embedded(i)} max(0, r(i, j) − k), where r(i, j) is the
/// rank of j among i's neighbours in the input space (1 = nearest). 1 means every embedded neighbour
/// is a true one.
/// </summary>
public static class Trustworthiness
{
    public const int DefaultNeighbours = 5;

    public static double Measure(Tensor data, Tensor embedding, int neighbours = DefaultNeighbours)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(embedding);
        long n = data.size(0);
        if (neighbours < 1 || neighbours >= n / 2.0)
        {
            throw new ArgumentException($"trustworthiness needs 1 <= n_neighbors < N/2; got {neighbours} for {n} samples");
        }

        using var scope = NewDisposeScope();
        // A point is nobody's neighbour of itself: an infinite distance on the diagonal, as scikit-learn fills it.
        var self = eye(n, dtype: ScalarType.Float64, device: data.device).gt(0.0);
        var infinity = full([1, 1], double.PositiveInfinity, ScalarType.Float64, data.device);
        var inputDistances = where(self, infinity, PairwiseDistances.SquaredEuclidean(data));
        var embeddedDistances = where(self, infinity, PairwiseDistances.SquaredEuclidean(embedding));

        var nearest = NearestIndices(embeddedDistances, neighbours); // (N, k)
        var toNeighbour = inputDistances.gather(1, nearest); // (N, k)
        var ranks = inputDistances.unsqueeze(1).lt(toNeighbour.unsqueeze(2)).to(ScalarType.Float64).sum(2) + 1.0; // (N, k)
        var penalty = (ranks - neighbours).clamp(min: 0.0).sum().ToDouble();
        return 1.0 - (penalty * (2.0 / (n * neighbours * ((2.0 * n) - (3.0 * neighbours) - 1.0))));
    }

    /// <summary>Row i's <paramref name="count"/> smallest entries' columns, nearest first: one argmin per neighbour, masking each found one.</summary>
    private static Tensor NearestIndices(Tensor distances, int count)
    {
        var remaining = distances.clone();
        var found = new List<Tensor>();
        for (var k = 0; k < count; k++)
        {
            var index = (-remaining).argmax(1, keepdim: true);
            found.Add(index);
            remaining = where(
                arange(0, distances.size(1), device: distances.device).unsqueeze(0).eq(index),
                full([1, 1], double.PositiveInfinity, ScalarType.Float64, distances.device),
                remaining);
        }

        return cat(found, 1);
    }
}
