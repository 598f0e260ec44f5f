using LaVae.Torch.Interop;

namespace LaVae.Torch;

// Codes shared with tensor_math.cpp.
internal enum ReduceOp
{
    Sum, Mean, Amax, Amin, Prod,
}

public sealed partial class Tensor
{
    public Tensor Sum() => Reduce(ReduceOp.Sum, [], keepDim: false);

    public Tensor Sum(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Sum, dims, keepDim);

    public Tensor Sum(long dim, bool keepDim = false) => Reduce(ReduceOp.Sum, [dim], keepDim);

    public Tensor Mean() => Reduce(ReduceOp.Mean, [], keepDim: false);

    public Tensor Mean(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Mean, dims, keepDim);

    public Tensor Mean(long dim, bool keepDim = false) => Reduce(ReduceOp.Mean, [dim], keepDim);

    public Tensor Max() => Reduce(ReduceOp.Amax, [], keepDim: false);

    public Tensor Max(long dim, bool keepDim = false) => Reduce(ReduceOp.Amax, [dim], keepDim);

    public Tensor Max(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Amax, dims, keepDim);

    public Tensor Min() => Reduce(ReduceOp.Amin, [], keepDim: false);

    public Tensor Min(long dim, bool keepDim = false) => Reduce(ReduceOp.Amin, [dim], keepDim);

    public Tensor Min(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Amin, dims, keepDim);

    public Tensor Prod(long dim, bool keepDim = false) => Reduce(ReduceOp.Prod, [dim], keepDim);

    /// <summary>Standard deviation; Bessel-corrected by default, as torch.std.</summary>
    public unsafe Tensor Std(long[]? dims = null, bool unbiased = true, bool keepDim = false)
    {
        dims ??= [];
        fixed (long* d = dims)
        {
            return new Tensor(NativeMethods.lavae_std(Handle, d, dims.Length, unbiased ? 1 : 0, keepDim ? 1 : 0));
        }
    }

    public Tensor ArgMax() => new(NativeMethods.lavae_argmax(Handle, 0, hasDim: 0, keepdim: 0));

    public Tensor ArgMax(long dim, bool keepDim = false) => new(NativeMethods.lavae_argmax(Handle, dim, hasDim: 1, keepDim ? 1 : 0));

    public Tensor CumSum(long dim) => new(NativeMethods.lavae_cumsum(Handle, dim));

    /// <summary>The p-norm over <paramref name="dims"/> (all elements when empty); p = 2 over a matrix is Frobenius.</summary>
    public unsafe Tensor Norm(double p = 2, long[]? dims = null, bool keepDim = false)
    {
        dims ??= [];
        fixed (long* d = dims)
        {
            return new Tensor(NativeMethods.lavae_norm(Handle, p, d, dims.Length, keepDim ? 1 : 0));
        }
    }

    private unsafe Tensor Reduce(ReduceOp op, long[] dims, bool keepDim)
    {
        fixed (long* d = dims)
        {
            return new Tensor(NativeMethods.lavae_reduce((int)op, Handle, d, dims.Length, keepDim ? 1 : 0));
        }
    }
}
