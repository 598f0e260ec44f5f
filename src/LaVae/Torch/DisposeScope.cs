namespace LaVae.Torch;

/// <summary>
/// Owns every tensor created on this thread while it is the innermost open scope, and disposes
/// them when it is disposed, so a training loop frees its intermediates deterministically instead
/// of waiting for the garbage collector. A result that must outlive the scope is moved out with
/// <see cref="Tensor.MoveToOuterScope"/> or <see cref="Tensor.DetachFromScope"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? current;

    private readonly List<Tensor> owned = [];
    private bool disposed;

    internal DisposeScope()
    {
        Outer = current;
        current = this;
    }

    /// <summary>
    /// The innermost scope still open. Skipping disposed ones matters when an outer scope is disposed
    /// before an inner one: the inner's disposal must not hand new tensors to a dead scope.
    /// </summary>
    internal static DisposeScope? Current
    {
        get
        {
            var scope = current;
            while (scope is { disposed: true })
            {
                scope = scope.Outer;
            }

            return scope;
        }
    }

    internal DisposeScope? Outer { get; }

    /// <summary>Number of tensors this scope still owns.</summary>
    public int Count => owned.Count(t => t.Scope == this);

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var tensor in owned)
        {
            if (tensor.Scope == this)
            {
                tensor.Dispose();
            }
        }

        owned.Clear();
        if (current == this)
        {
            current = Outer;
        }
    }

    internal void Adopt(Tensor tensor)
    {
        tensor.Scope = this;
        owned.Add(tensor);
    }
}
