using LaVae.Torch.Interop;

namespace LaVae.Torch;

public sealed partial class Tensor
{
    /// <summary>Copies the elements (row-major) to a new array; the dtype must match <typeparamref name="T"/>.</summary>
    public unsafe T[] ToArray<T>()
        where T : unmanaged
    {
        var info = Info();
        var expected = DTypes.Of<T>();
        if (info.DType != expected)
        {
            throw new InvalidOperationException($"tensor holds {info.DType}, not {expected}; convert with To(DType.{expected}) first");
        }

        var result = new T[info.Shape.Aggregate(1L, (n, d) => n * d)];
        fixed (T* buffer = result)
        {
            Check.Status(NativeMethods.lavae_copy_to(Handle, buffer, (long)result.Length * sizeof(T)));
        }

        return result;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public double Item()
    {
        Check.Status(NativeMethods.lavae_item(Handle, out var value));
        return value;
    }

    public Tensor To(DType dtype)
    {
        var device = Device;
        return new Tensor(NativeMethods.lavae_to(Handle, (int)dtype, (int)device.Type, device.Index));
    }

    public Tensor To(Device device) => new(NativeMethods.lavae_to(Handle, (int)DType, (int)device.Type, device.Index));

    public Tensor To(DType dtype, Device device) => new(NativeMethods.lavae_to(Handle, (int)dtype, (int)device.Type, device.Index));

    public Tensor Clone() => new(NativeMethods.lavae_clone(Handle));

    public Tensor Contiguous() => new(NativeMethods.lavae_contiguous(Handle));

    /// <summary>A second .NET owner of the same libtorch tensor (same storage, same autograd identity).</summary>
    public Tensor Alias() => new(NativeMethods.lavae_alias(Handle));

    /// <summary>The elements' raw bytes (row-major, native little-endian), any dtype.</summary>
    internal unsafe byte[] ToBytes()
    {
        var info = Info();
        var result = new byte[info.Shape.Aggregate(1L, (n, d) => n * d) * info.DType.ElementSize()];
        fixed (byte* buffer = result)
        {
            Check.Status(NativeMethods.lavae_copy_to(Handle, buffer, result.Length));
        }

        return result;
    }

    /// <summary>A tensor of <paramref name="dtype"/> over a copy of raw bytes.</summary>
    internal static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, DType dtype, long[] shape, Device? device = null)
    {
        var expected = shape.Aggregate(1L, (n, d) => n * d) * dtype.ElementSize();
        if (expected != bytes.Length)
        {
            throw new ArgumentException($"{bytes.Length} bytes cannot fill {dtype}[{string.Join(",", shape)}] ({expected} bytes)", nameof(bytes));
        }

        var dev = device ?? Device.Cpu;
        fixed (byte* data = bytes)
        fixed (long* dims = shape)
        {
            return new Tensor(NativeMethods.lavae_from_data(data, dims, shape.Length, (int)dtype, (int)dev.Type, dev.Index));
        }
    }
}
