using TorchSharp.Modules;

namespace LaVae.Torch;

/// <summary>
/// A convolution layer computed through columns (unfold/fold + matmul) on CPU; autograd derives the
/// backward from the matmul. Parameters are named, shaped and initialised as torch.nn's layer's; on
/// CUDA the forward is cuDNN's own convolution. `lavae bench --layers` times every layer of the
/// models both ways: only the decoder's one-channel output layer is faster so (README, "Measured"),
/// so only it uses this form; the encoder's input layer stays LibTorch's.
/// </summary>
public abstract class ColumnConvolution : nn.Module<Tensor, Tensor>
{
    protected ColumnConvolution(string name, long[] weightShape, long outChannels, long biasFanIn, long kernel, long stride, long padding, Generator generator, Device device)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(weightShape);
        (Kernel, Stride, Padding) = (kernel, stride, padding);
        weight = nn.Parameter(Init.DefaultWeight(zeros(weightShape, device: device), generator));
        bias = nn.Parameter(Init.DefaultBias(zeros(outChannels, device: device), biasFanIn, generator));
        register_parameter("weight", weight);
        register_parameter("bias", bias);
    }

    public Parameter weight { get; protected set; }

    public Parameter bias { get; protected set; }

    protected long Kernel { get; }

    protected long Stride { get; }

    protected long Padding { get; }
}

/// <summary>conv2d as unfold + matmul: measured against LibTorch's by `lavae bench --layers`, and slower.</summary>
public sealed class ColumnConv2d(long inChannels, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
    : ColumnConvolution(nameof(ColumnConv2d), [outChannels, inChannels, kernel, kernel], outChannels, inChannels * kernel * kernel, kernel, stride, padding, generator, device)
{
    /// <summary>x: (N, C_in, H, W) → (N, C_out, H', W').</summary>
    public override Tensor forward(Tensor x)
    {
        if (x.device_type != DeviceType.CPU)
        {
            return nn.functional.conv2d(x, weight, bias, strides: [Stride, Stride], padding: [Padding, Padding]);
        }

        var (n, height, width) = (x.size(0), x.size(2), x.size(3));
        var outHeight = ((height + (2 * Padding) - Kernel) / Stride) + 1;
        var outWidth = ((width + (2 * Padding) - Kernel) / Stride) + 1;
        var columns = nn.functional.unfold(x, Kernel, padding: Padding, stride: Stride); // (N, C_in·k·k, H'·W')
        var y = weight.view(weight.size(0), -1).matmul(columns) + bias.view(1, -1, 1); // (N, C_out, H'·W')
        return y.view(n, -1, outHeight, outWidth);
    }
}

/// <summary>
/// conv_transpose2d as matmul + fold: the decoder's one-channel output layer. Weight (C_in, C_out,
/// k, k), whose fan-in PyTorch takes from dim 1 (C_out·k·k).
/// </summary>
public sealed class ColumnConvTranspose2d(long inChannels, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
    : ColumnConvolution(nameof(ColumnConvTranspose2d), [inChannels, outChannels, kernel, kernel], outChannels, outChannels * kernel * kernel, kernel, stride, padding, generator, device)
{
    /// <summary>x: (N, C_in, H, W) → (N, C_out, (H−1)·s − 2p + k, …).</summary>
    public override Tensor forward(Tensor x)
    {
        if (x.device_type != DeviceType.CPU)
        {
            return nn.functional.conv_transpose2d(x, weight, bias, strides: [Stride, Stride], padding: [Padding, Padding]);
        }

        var (n, inChannels, height, width) = (x.size(0), x.size(1), x.size(2), x.size(3));
        var outHeight = ((height - 1) * Stride) - (2 * Padding) + Kernel;
        var outWidth = ((width - 1) * Stride) - (2 * Padding) + Kernel;
        var columns = weight.view(inChannels, -1).t().matmul(x.view(n, inChannels, height * width)); // (N, C_out·k·k, H·W)
        var y = nn.functional.fold(columns, (outHeight, outWidth), (Kernel, Kernel), padding: (Padding, Padding), stride: (Stride, Stride));
        return y + bias.view(1, -1, 1, 1);
    }
}
