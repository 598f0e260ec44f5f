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
        using var scope = NewDisposeScope();
        var rows = x.to(ScalarType.Float64);
        var norms = rows.square().sum(1, keepdim: true);
        var squared = (norms + norms.T - (2.0 * rows.matmul(rows.T))).clamp(min: 0.0);
        return (squared * OffDiagonal(rows.size(0), rows.device)).MoveToOuterDisposeScope();
    }

    public static Tensor Euclidean(Tensor x)
    {
        using var scope = NewDisposeScope();
        return SquaredEuclidean(x).sqrt().MoveToOuterDisposeScope();
    }

    /// <summary>A (N, N) float64 matrix, 1 off the diagonal and 0 on it, on <paramref name="device"/>.</summary>
    public static Tensor OffDiagonal(long n, Device device)
    {
        using var scope = NewDisposeScope();
        return (1.0 - eye(n, dtype: ScalarType.Float64, device: device)).MoveToOuterDisposeScope();
    }
}
