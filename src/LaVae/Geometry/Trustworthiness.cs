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
        long n = data.Size(0);
        if (neighbours < 1 || neighbours >= n / 2.0)
        {
            throw new ArgumentException($"trustworthiness needs 1 <= n_neighbors < N/2; got {neighbours} for {n} samples");
        }

        using var scope = Engine.NewDisposeScope();
        // A point is nobody's neighbour of itself: an infinite distance on the diagonal, as scikit-learn fills it.
        var self = Tensor.Eye(n, DType.Float64, data.Device).Gt(0.0);
        var infinity = Tensor.Full([1, 1], double.PositiveInfinity, DType.Float64, data.Device);
        var inputDistances = Tensor.Where(self, infinity, PairwiseDistances.SquaredEuclidean(data));
        var embeddedDistances = Tensor.Where(self, infinity, PairwiseDistances.SquaredEuclidean(embedding));

        var nearest = NearestIndices(embeddedDistances, neighbours); // (N, k)
        var toNeighbour = inputDistances.Gather(1, nearest); // (N, k)
        var ranks = inputDistances.Unsqueeze(1).Lt(toNeighbour.Unsqueeze(2)).To(DType.Float64).Sum(2) + 1.0; // (N, k)
        var penalty = (ranks - neighbours).Clamp(min: 0.0).Sum().Item();
        return 1.0 - (penalty * (2.0 / (n * neighbours * ((2.0 * n) - (3.0 * neighbours) - 1.0))));
    }

    /// <summary>Row i's <paramref name="count"/> smallest entries' columns, nearest first: one argmin per neighbour, masking each found one.</summary>
    private static Tensor NearestIndices(Tensor distances, int count)
    {
        var remaining = distances.Clone();
        var found = new List<Tensor>();
        for (var k = 0; k < count; k++)
        {
            var index = (-remaining).ArgMax(1, keepDim: true);
            found.Add(index);
            remaining = Tensor.Where(
                Tensor.Arange(0, distances.Size(1), device: distances.Device).Unsqueeze(0).Eq(index),
                Tensor.Full([1, 1], double.PositiveInfinity, DType.Float64, distances.Device),
                remaining);
        }

        return Tensor.Cat(found, 1);
    }
}
