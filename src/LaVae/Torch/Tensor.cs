using System.Text;
using LaVae.Torch.Interop;

namespace LaVae.Torch;

/// <summary>
/// A libtorch tensor owned from .NET. Created inside a <see cref="DisposeScope"/> it belongs to
/// that scope; otherwise dispose it (or let the finalizer of its handle free it).
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private const int MaxRank = 16;
    private readonly TensorHandle handle;

    internal Tensor(IntPtr nativeHandle)
    {
        handle = new TensorHandle(Check.Handle(nativeHandle));
        DisposeScope.Current?.Adopt(this);
    }

    internal DisposeScope? Scope { get; set; }

    internal TensorHandle Handle => handle.IsClosed
        ? throw new ObjectDisposedException(nameof(Tensor), "This tensor was disposed (directly or by its DisposeScope).")
        : handle;

    public bool IsDisposed => handle.IsClosed;

    public DType DType => Info().DType;

    public Device Device => Info().Device;

    public long[] Shape => Info().Shape;

    public int Dim => Info().Shape.Length;

    public long NumberOfElements => Info().Shape.Aggregate(1L, (n, d) => n * d);

    public long Size(int dim)
    {
        var shape = Shape;
        return shape[dim < 0 ? dim + shape.Length : dim];
    }

    public void Dispose() => handle.Dispose();

    /// <summary>Hands ownership to the scope enclosing the current one (or to no scope).</summary>
    public Tensor MoveToOuterScope()
    {
        var outer = Scope?.Outer;
        Scope = null;
        outer?.Adopt(this);
        return this;
    }

    /// <summary>Takes the tensor out of every scope; the caller disposes it.</summary>
    public Tensor DetachFromScope()
    {
        Scope = null;
        return this;
    }

    public override string ToString()
    {
        if (IsDisposed)
        {
            return "Tensor(disposed)";
        }

        var info = Info();
        var text = new StringBuilder("Tensor(").Append('[').AppendJoin(", ", info.Shape).Append("], ")
            .Append(info.DType).Append(", ").Append(info.Device);
        if (info.RequiresGrad)
        {
            text.Append(", requires_grad");
        }

        return text.Append(')').ToString();
    }

    internal readonly record struct TensorInfo(DType DType, Device Device, bool RequiresGrad, long[] Shape);

    internal unsafe TensorInfo Info()
    {
        var shape = stackalloc long[MaxRank];
        Check.Status(NativeMethods.lavae_tensor_info(Handle, out var dtype, out var deviceType, out var deviceIndex,
            out var requiresGrad, out var ndim, shape, MaxRank));
        return new TensorInfo((DType)dtype, new Device((DeviceType)deviceType, deviceIndex), requiresGrad != 0,
            new ReadOnlySpan<long>(shape, ndim).ToArray());
    }
}
