using LaVae.Torch.Interop;

namespace LaVae.Torch;

public sealed partial class Tensor
{
    /// <summary>Copies <paramref name="data"/> into a new tensor of the given shape.</summary>
    public static unsafe Tensor From<T>(ReadOnlySpan<T> data, long[] shape, Device? device = null)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(shape);
        var count = shape.Aggregate(1L, (n, d) => n * d);
        if (count != data.Length)
        {
            throw new ArgumentException($"{data.Length} values cannot fill shape [{string.Join(", ", shape)}] ({count} elements)", nameof(data));
        }

        var dev = device ?? Device.Cpu;
        fixed (T* values = data)
        fixed (long* dims = shape)
        {
            return new Tensor(NativeMethods.lavae_from_data(values, dims, shape.Length, (int)DTypes.Of<T>(), (int)dev.Type, dev.Index));
        }
    }

    public static Tensor From<T>(T[] data, params long[] shape)
        where T : unmanaged => From<T>(data.AsSpan(), shape);

    /// <summary>A one-dimensional tensor holding <paramref name="data"/>.</summary>
    public static Tensor From<T>(T[] data)
        where T : unmanaged => From<T>(data.AsSpan(), [data.LongLength]);

    public static Tensor Scalar(double value, DType dtype = DType.Float32, Device? device = null) => Full([], value, dtype, device);

    public static Tensor Zeros(long[] shape, DType dtype = DType.Float32, Device? device = null) => Full(shape, 0, dtype, device);

    public static Tensor Ones(long[] shape, DType dtype = DType.Float32, Device? device = null) => Full(shape, 1, dtype, device);

    public static unsafe Tensor Full(long[] shape, double value, DType dtype = DType.Float32, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            return new Tensor(NativeMethods.lavae_full(dims, shape.Length, value, (int)dtype, (int)dev.Type, dev.Index));
        }
    }

    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Int64, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        return new Tensor(NativeMethods.lavae_arange(start, end, step, (int)dtype, (int)dev.Type, dev.Index));
    }

    public static Tensor Eye(long n, DType dtype = DType.Float32, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        return new Tensor(NativeMethods.lavae_eye(n, (int)dtype, (int)dev.Type, dev.Index));
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static unsafe Tensor Rand(long[] shape, Generator? generator = null, DType dtype = DType.Float32, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            var result = new Tensor(NativeMethods.lavae_rand(dims, shape.Length, (int)dtype, (int)dev.Type, dev.Index, Generator.Pointer(generator)));
            GC.KeepAlive(generator);
            return result;
        }
    }

    /// <summary>Standard normal.</summary>
    public static unsafe Tensor Randn(long[] shape, Generator? generator = null, DType dtype = DType.Float32, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            var result = new Tensor(NativeMethods.lavae_randn(dims, shape.Length, (int)dtype, (int)dev.Type, dev.Index, Generator.Pointer(generator)));
            GC.KeepAlive(generator);
            return result;
        }
    }

    /// <summary>Integers uniform in [low, high).</summary>
    public static unsafe Tensor RandInt(long low, long high, long[] shape, Generator? generator = null, DType dtype = DType.Int64, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        fixed (long* dims = shape)
        {
            var result = new Tensor(NativeMethods.lavae_randint(low, high, dims, shape.Length, (int)dtype, (int)dev.Type, dev.Index, Generator.Pointer(generator)));
            GC.KeepAlive(generator);
            return result;
        }
    }

    /// <summary>A random permutation of 0..n-1 (int64).</summary>
    public static Tensor RandPerm(long n, Generator? generator = null, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        var result = new Tensor(NativeMethods.lavae_randperm(n, (int)dev.Type, dev.Index, Generator.Pointer(generator)));
        GC.KeepAlive(generator);
        return result;
    }
}
