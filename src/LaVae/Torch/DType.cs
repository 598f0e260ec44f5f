namespace LaVae.Torch;

/// <summary>Element types, numbered as libtorch's c10::ScalarType.</summary>
public enum DType
{
    UInt8 = 0,
    Int8 = 1,
    Int16 = 2,
    Int32 = 3,
    Int64 = 4,
    Float16 = 5,
    Float32 = 6,
    Float64 = 7,
    Bool = 11,
}

internal static class DTypes
{
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.UInt8 or DType.Int8 or DType.Bool => 1,
        DType.Int16 or DType.Float16 => 2,
        DType.Int32 or DType.Float32 => 4,
        DType.Int64 or DType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown dtype"),
    };

    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float16 or DType.Float32 or DType.Float64;

    public static DType Of<T>()
        where T : unmanaged
    {
        var type = typeof(T);
        if (type == typeof(float)) return DType.Float32;
        if (type == typeof(double)) return DType.Float64;
        if (type == typeof(long)) return DType.Int64;
        if (type == typeof(int)) return DType.Int32;
        if (type == typeof(short)) return DType.Int16;
        if (type == typeof(byte)) return DType.UInt8;
        if (type == typeof(sbyte)) return DType.Int8;
        if (type == typeof(bool)) return DType.Bool;
        throw new NotSupportedException($"no tensor dtype for {type.Name}");
    }
}
