using LaVae.Torch.Interop;

namespace LaVae.Torch;

/// <summary>How a loss reduces over elements (values as at::Reduction).</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}

public enum GridSampleMode
{
    Bilinear = 0,
    Nearest = 1,
    Bicubic = 2,
}

public enum GridPadding
{
    Zeros = 0,
    Border = 1,
    Reflection = 2,
}

public enum PadMode
{
    Constant = 0,
    Reflect = 1,
    Replicate = 2,
    Circular = 3,
}

/// <summary>Neural-network functions with PyTorch's conventions and defaults (torch.nn.functional).</summary>
public static unsafe class Functional
{
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int dilation = 1, int groups = 1)
    {
        long* s = stackalloc long[] { stride, stride };
        long* p = stackalloc long[] { padding, padding };
        long* d = stackalloc long[] { dilation, dilation };
        var result = new Tensor(NativeMethods.lavae_conv2d(input.Handle, weight.Handle, Optional(bias), s, p, d, groups));
        GC.KeepAlive(bias);
        return result;
    }

    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int outputPadding = 0, int groups = 1, int dilation = 1)
    {
        long* s = stackalloc long[] { stride, stride };
        long* p = stackalloc long[] { padding, padding };
        long* o = stackalloc long[] { outputPadding, outputPadding };
        long* d = stackalloc long[] { dilation, dilation };
        var result = new Tensor(NativeMethods.lavae_conv_transpose2d(input.Handle, weight.Handle, Optional(bias), s, p, o, groups, d));
        GC.KeepAlive(bias);
        return result;
    }

    /// <summary>input · weightᵀ + bias.</summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        var result = new Tensor(NativeMethods.lavae_linear(input.Handle, weight.Handle, Optional(bias)));
        GC.KeepAlive(bias);
        return result;
    }

    /// <summary>−[y·log x + (1−y)·log(1−x)], logs clamped at −100 as PyTorch does.</summary>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, Tensor? weight = null)
    {
        var result = new Tensor(NativeMethods.lavae_binary_cross_entropy(input.Handle, target.Handle, Optional(weight), (int)reduction));
        GC.KeepAlive(weight);
        return result;
    }

    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        new(NativeMethods.lavae_mse_loss(input.Handle, target.Handle, (int)reduction));

    /// <summary>Bilinear resize of (N, C, H, W) to (N, C, height, width).</summary>
    public static Tensor InterpolateBilinear(Tensor input, long height, long width, bool alignCorners = false, bool antialias = false) =>
        new(NativeMethods.lavae_interpolate_bilinear(input.Handle, height, width, alignCorners ? 1 : 0, antialias ? 1 : 0));

    public static Tensor GridSample(Tensor input, Tensor grid, GridSampleMode mode = GridSampleMode.Bilinear, GridPadding padding = GridPadding.Zeros, bool alignCorners = false) =>
        new(NativeMethods.lavae_grid_sample(input.Handle, grid.Handle, (int)mode, (int)padding, alignCorners ? 1 : 0));

    /// <summary>Sampling grid for affine matrices theta (N, 2, 3) over an output of size (N, C, H, W).</summary>
    public static Tensor AffineGrid(Tensor theta, long[] size, bool alignCorners = false)
    {
        fixed (long* s = size)
        {
            return new Tensor(NativeMethods.lavae_affine_grid(theta.Handle, s, size.Length, alignCorners ? 1 : 0));
        }
    }

    /// <summary>Pads as torch.nn.functional.pad: pads run from the last dimension backwards, (left, right, top, bottom, ...).</summary>
    public static Tensor Pad(Tensor input, long[] pads, PadMode mode = PadMode.Constant, double value = 0)
    {
        fixed (long* p = pads)
        {
            return new Tensor(NativeMethods.lavae_pad(input.Handle, p, pads.Length, (int)mode, value));
        }
    }

    public static Tensor MaxPool2d(Tensor input, int kernel, int? stride = null, int padding = 0)
    {
        var step = stride ?? kernel;
        long* k = stackalloc long[] { kernel, kernel };
        long* s = stackalloc long[] { step, step };
        long* p = stackalloc long[] { padding, padding };
        long* d = stackalloc long[] { 1, 1 };
        return new Tensor(NativeMethods.lavae_max_pool2d(input.Handle, k, s, p, d, ceilMode: 0));
    }

    private static IntPtr Optional(Tensor? tensor) => tensor is null ? IntPtr.Zero : tensor.Handle.DangerousGetHandle();
}
