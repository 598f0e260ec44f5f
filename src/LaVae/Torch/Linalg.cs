using LaVae.Torch.Interop;

namespace LaVae.Torch;

/// <summary>Linear algebra (torch.linalg) for the latent maps.</summary>
public static class Linalg
{
    public static Tensor Inverse(Tensor matrix) => new(NativeMethods.lavae_inverse(matrix.Handle));

    /// <summary>X with A·X = B.</summary>
    public static Tensor Solve(Tensor a, Tensor b) => new(NativeMethods.lavae_solve(a.Handle, b.Handle));

    public static Tensor Det(Tensor matrix) => new(NativeMethods.lavae_det(matrix.Handle));

    /// <summary>Reduced SVD: A = U·diag(S)·Vh.</summary>
    public static (Tensor U, Tensor S, Tensor Vh) Svd(Tensor matrix)
    {
        Check.Status(NativeMethods.lavae_svd(matrix.Handle, out var u, out var s, out var vh));
        return (new Tensor(u), new Tensor(s), new Tensor(vh));
    }

    /// <summary>Eigen-decomposition of a symmetric matrix, eigenvalues ascending.</summary>
    public static (Tensor Values, Tensor Vectors) Eigh(Tensor matrix)
    {
        Check.Status(NativeMethods.lavae_eigh(matrix.Handle, out var values, out var vectors));
        return (new Tensor(values), new Tensor(vectors));
    }
}
