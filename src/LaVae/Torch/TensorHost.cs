namespace LaVae.Torch;

/// <summary>
/// Copies between tensors and host memory. TorchSharp's data&lt;T&gt;() and bytes read a contiguous CPU
/// tensor in place; these copy from any device and layout, and check the element type first.
/// </summary>
public static class TensorHost
{
    /// <summary>The elements (row-major) as a new array; the dtype must match <typeparamref name="T"/>.</summary>
    public static T[] ToArray<T>(this Tensor tensor)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var expected = ScalarTypeOf<T>();
        if (tensor.dtype != expected)
        {
            throw new InvalidOperationException($"tensor holds {tensor.dtype}, not {expected}; convert with to_type(ScalarType.{expected}) first");
        }

        using var host = OnHost(tensor);
        return host.data<T>().ToArray();
    }

    /// <summary>The elements' raw bytes (row-major, little-endian), any dtype.</summary>
    internal static byte[] ToBytes(this Tensor tensor)
    {
        using var host = OnHost(tensor);
        return host.bytes.ToArray();
    }

    internal static Tensor FromBytes(ReadOnlySpan<byte> bytes, ScalarType dtype, long[] shape, Device? device = null)
    {
        var host = empty(shape, dtype);
        bytes.CopyTo(host.bytes);
        if (device is null || device.type == DeviceType.CPU)
        {
            return host;
        }

        using (host)
        {
            return host.to(device);
        }
    }

    public static int ElementSize(this ScalarType dtype) => dtype switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "no element size for this dtype"),
    };

    private static ScalarType ScalarTypeOf<T>()
        where T : unmanaged
    {
        var type = typeof(T);
        if (type == typeof(float)) return ScalarType.Float32;
        if (type == typeof(double)) return ScalarType.Float64;
        if (type == typeof(long)) return ScalarType.Int64;
        if (type == typeof(int)) return ScalarType.Int32;
        if (type == typeof(short)) return ScalarType.Int16;
        if (type == typeof(byte)) return ScalarType.Byte;
        if (type == typeof(sbyte)) return ScalarType.Int8;
        if (type == typeof(bool)) return ScalarType.Bool;
        throw new NotSupportedException($"no tensor dtype for {type.Name}");
    }

    // The intermediate detach and cpu tensors are freed here; only the returned copy is the caller's
    // (not left in the caller's dispose scope, nor to the finaliser).
    private static Tensor OnHost(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = NewDisposeScope();
        return tensor.detach().cpu().contiguous().MoveToOuterDisposeScope();
    }
}
