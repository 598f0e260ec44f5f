using LaVae.Torch.Interop;

namespace LaVae.Torch;

// Codes shared with autograd.cpp.
internal enum InPlaceOp
{
    Add, Sub, Mul, Div, Copy,
}

public sealed partial class Tensor
{
    public bool RequiresGrad
    {
        get => Info().RequiresGrad;
        set => Check.Status(NativeMethods.lavae_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>The accumulated gradient, or null before any backward pass reached this tensor.</summary>
    public Tensor? Grad
    {
        get
        {
            Check.Status(NativeMethods.lavae_grad(Handle, out var grad));
            return grad == IntPtr.Zero ? null : new Tensor(grad);
        }
    }

    public Tensor WithRequiresGrad()
    {
        RequiresGrad = true;
        return this;
    }

    public void Backward(Tensor? gradient = null)
    {
        Check.Status(NativeMethods.lavae_backward(Handle, gradient is null ? IntPtr.Zero : gradient.Handle.DangerousGetHandle()));
        GC.KeepAlive(gradient);
    }

    /// <summary>Drops the gradient (as PyTorch's zero_grad(set_to_none=True)).</summary>
    public void ClearGrad() => Check.Status(NativeMethods.lavae_clear_grad(Handle));

    public Tensor Detach() => new(NativeMethods.lavae_detach(Handle));

    /// <summary>Replaces this tensor's data in place, keeping its identity (parameters moving device).</summary>
    public void SetData(Tensor source) => Check.Status(NativeMethods.lavae_set_data(Handle, source.Handle));

    public Tensor AddInPlace(Tensor other, double alpha = 1) => InPlace(InPlaceOp.Add, other, alpha);

    public Tensor MulInPlace(Tensor other) => InPlace(InPlaceOp.Mul, other, 1);

    public Tensor CopyFrom(Tensor source) => InPlace(InPlaceOp.Copy, source, 1);

    public Tensor AddInPlace(double value) => InPlace(InPlaceOp.Add, value);

    public Tensor MulInPlace(double value) => InPlace(InPlaceOp.Mul, value);

    public Tensor FillInPlace(double value) => InPlace(InPlaceOp.Copy, value);

    /// <summary>this += value * a * b.</summary>
    public Tensor AddcmulInPlace(Tensor a, Tensor b, double value)
    {
        Check.Status(NativeMethods.lavae_addcmul_(Handle, a.Handle, b.Handle, value));
        return this;
    }

    /// <summary>this += value * a / b.</summary>
    public Tensor AddcdivInPlace(Tensor a, Tensor b, double value)
    {
        Check.Status(NativeMethods.lavae_addcdiv_(Handle, a.Handle, b.Handle, value));
        return this;
    }

    public Tensor UniformInPlace(double from, double to, Generator? generator = null)
    {
        Check.Status(NativeMethods.lavae_uniform_(Handle, from, to, Generator.Pointer(generator)));
        GC.KeepAlive(generator);
        return this;
    }

    public Tensor NormalInPlace(double mean, double std, Generator? generator = null)
    {
        Check.Status(NativeMethods.lavae_normal_(Handle, mean, std, Generator.Pointer(generator)));
        GC.KeepAlive(generator);
        return this;
    }

    private Tensor InPlace(InPlaceOp op, Tensor other, double alpha)
    {
        Check.Status(NativeMethods.lavae_inplace((int)op, Handle, other.Handle, alpha));
        return this;
    }

    private Tensor InPlace(InPlaceOp op, double value)
    {
        Check.Status(NativeMethods.lavae_inplace_scalar((int)op, Handle, value));
        return this;
    }
}
