using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>Distances between the rows of a matrix, as (N, N) float64 tensors on its device.</summary>
public static class PairwiseDistances
{
    /// <summary>
    /// ‖xᵢ − xⱼ‖² as scikit-learn's <c>euclidean_distances(X, squared=True)</c>: ‖xᵢ‖² + ‖xⱼ‖² − 2·xᵢ·xⱼ
    /// in float64 (N·N memory, not N·N·D), clipped at 0, with an exact zero diagonal.
    /// </summary>
    public static Tensor SquaredEuclidean(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var scope = Engine.NewDisposeScope();
        var rows = x.To(DType.Float64);
        var norms = rows.Square().Sum(1, keepDim: true);
        var squared = (norms + norms.T - (2.0 * rows.MatMul(rows.T))).Clamp(min: 0.0);
        return (squared * OffDiagonal(rows.Size(0), rows.Device)).MoveToOuterScope();
    }

    public static Tensor Euclidean(Tensor x)
    {
        using var scope = Engine.NewDisposeScope();
        return SquaredEuclidean(x).Sqrt().MoveToOuterScope();
    }

    /// <summary>A (N, N) float64 matrix, 1 off the diagonal and 0 on it, on <paramref name="device"/>.</summary>
    public static Tensor OffDiagonal(long n, Device device)
    {
        using var scope = Engine.NewDisposeScope();
        return (1.0 - Tensor.Eye(n, DType.Float64, device)).MoveToOuterScope();
    }
}
