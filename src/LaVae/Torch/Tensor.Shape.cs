using LaVae.Torch.Interop;

namespace LaVae.Torch;

public sealed partial class Tensor
{
    public unsafe Tensor Reshape(params long[] shape)
    {
        fixed (long* dims = shape)
        {
            return new Tensor(NativeMethods.lavae_reshape(Handle, dims, shape.Length));
        }
    }

    public unsafe Tensor View(params long[] shape)
    {
        fixed (long* dims = shape)
        {
            return new Tensor(NativeMethods.lavae_view(Handle, dims, shape.Length));
        }
    }

    public unsafe Tensor Expand(params long[] shape)
    {
        fixed (long* dims = shape)
        {
            return new Tensor(NativeMethods.lavae_expand(Handle, dims, shape.Length));
        }
    }

    public unsafe Tensor Repeat(params long[] repeats)
    {
        fixed (long* dims = repeats)
        {
            return new Tensor(NativeMethods.lavae_repeat(Handle, dims, repeats.Length));
        }
    }

    public Tensor Narrow(long dim, long start, long length) => new(NativeMethods.lavae_narrow(Handle, dim, start, length));

    public Tensor Select(long dim, long index) => new(NativeMethods.lavae_select(Handle, dim, index));

    public Tensor IndexSelect(long dim, Tensor index) => new(NativeMethods.lavae_index_select(Handle, dim, index.Handle));

    public Tensor Gather(long dim, Tensor index) => new(NativeMethods.lavae_gather(Handle, dim, index.Handle));

    public unsafe Tensor Permute(params long[] dims)
    {
        fixed (long* d = dims)
        {
            return new Tensor(NativeMethods.lavae_permute(Handle, d, dims.Length));
        }
    }

    public Tensor Transpose(long dim0, long dim1) => new(NativeMethods.lavae_transpose(Handle, dim0, dim1));

    /// <summary>The matrix transpose of a 2-D tensor.</summary>
    public Tensor T => Transpose(0, 1);

    public unsafe Tensor Flip(params long[] dims)
    {
        fixed (long* d = dims)
        {
            return new Tensor(NativeMethods.lavae_flip(Handle, d, dims.Length));
        }
    }

    /// <summary>As torch.rot90: k quarter turns from dim0 towards dim1.</summary>
    public Tensor Rot90(long k, long dim0, long dim1) => new(NativeMethods.lavae_rot90(Handle, k, dim0, dim1));

    public Tensor Squeeze(long dim) => new(NativeMethods.lavae_squeeze(Handle, dim));

    public Tensor Unsqueeze(long dim) => new(NativeMethods.lavae_unsqueeze(Handle, dim));

    public Tensor Flatten(long startDim = 0, long endDim = -1) => new(NativeMethods.lavae_flatten(Handle, startDim, endDim));

    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: false);

    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: true);

    private static unsafe Tensor Join(IReadOnlyList<Tensor> tensors, long dim, bool stack)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++)
        {
            handles[i] = tensors[i].Handle.DangerousGetHandle();
        }

        fixed (IntPtr* list = handles)
        {
            var result = new Tensor(stack
                ? NativeMethods.lavae_stack(list, handles.Length, dim)
                : NativeMethods.lavae_cat(list, handles.Length, dim));
            GC.KeepAlive(tensors);
            return result;
        }
    }
}
