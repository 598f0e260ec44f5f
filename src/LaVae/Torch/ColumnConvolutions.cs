using TorchSharp.Modules;

namespace LaVae.Torch;

/// <summary>
/// conv2d as unfold + matmul, for the encoder's one-channel input layer. Why: on CPU, libtorch 2.10
/// runs one-channel convolutions through oneDNN kernels that cost several times this (see README,
/// "The engine"); autograd derives the backward from the matmul. Same parameters, names, shapes and
/// initialisation as torch.nn.Conv2d; on CUDA it is cuDNN's conv2d.
/// </summary>
public sealed class ColumnConv2d : nn.Module<Tensor, Tensor>
{
    private readonly long kernel;
    private readonly long stride;
    private readonly long padding;

    public ColumnConv2d(long inChannels, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
        : base(nameof(ColumnConv2d))
    {
        (this.kernel, this.stride, this.padding) = (kernel, stride, padding);
        weight = nn.Parameter(Init.DefaultWeight(zeros(outChannels, inChannels, kernel, kernel, device: device), generator));
        bias = nn.Parameter(Init.DefaultBias(zeros(outChannels, device: device), inChannels * kernel * kernel, generator));
        register_parameter("weight", weight);
        register_parameter("bias", bias);
    }

    public Parameter weight { get; private set; }

    public Parameter bias { get; private set; }

    /// <summary>x: (N, C_in, H, W) → (N, C_out, H', W').</summary>
    public override Tensor forward(Tensor x)
    {
        if (x.device_type != DeviceType.CPU)
        {
            return nn.functional.conv2d(x, weight, bias, strides: [stride, stride], padding: [padding, padding]);
        }

        var (n, height, width) = (x.size(0), x.size(2), x.size(3));
        var outHeight = ((height + (2 * padding) - kernel) / stride) + 1;
        var outWidth = ((width + (2 * padding) - kernel) / stride) + 1;
        var columns = nn.functional.unfold(x, kernel, padding: padding, stride: stride); // (N, C_in·k·k, H'·W')
        var y = weight.view(weight.size(0), -1).matmul(columns) + bias.view(1, -1, 1); // (N, C_out, H'·W')
        return y.view(n, -1, outHeight, outWidth);
    }
}

/// <summary>
/// conv_transpose2d as matmul + fold, for the decoder's one-channel output layer, for the same reason
/// as <see cref="ColumnConv2d"/>. Weight (C_in, C_out, k, k) as torch.nn.ConvTranspose2d, whose
/// fan-in PyTorch takes from dim 1 (C_out·k·k).
/// </summary>
public sealed class ColumnConvTranspose2d : nn.Module<Tensor, Tensor>
{
    private readonly long kernel;
    private readonly long stride;
    private readonly long padding;

    public ColumnConvTranspose2d(long inChannels, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
        : base(nameof(ColumnConvTranspose2d))
    {
        (this.kernel, this.stride, this.padding) = (kernel, stride, padding);
        weight = nn.Parameter(Init.DefaultWeight(zeros(inChannels, outChannels, kernel, kernel, device: device), generator));
        bias = nn.Parameter(Init.DefaultBias(zeros(outChannels, device: device), outChannels * kernel * kernel, generator));
        register_parameter("weight", weight);
        register_parameter("bias", bias);
    }

    public Parameter weight { get; private set; }

    public Parameter bias { get; private set; }

    /// <summary>x: (N, C_in, H, W) → (N, C_out, (H−1)·s − 2p + k, …).</summary>
    public override Tensor forward(Tensor x)
    {
        if (x.device_type != DeviceType.CPU)
        {
            return nn.functional.conv_transpose2d(x, weight, bias, strides: [stride, stride], padding: [padding, padding]);
        }

        var (n, inChannels, height, width) = (x.size(0), x.size(1), x.size(2), x.size(3));
        var outHeight = ((height - 1) * stride) - (2 * padding) + kernel;
        var outWidth = ((width - 1) * stride) - (2 * padding) + kernel;
        var columns = weight.view(inChannels, -1).t().matmul(x.view(n, inChannels, height * width)); // (N, C_out·k·k, H·W)
        var y = nn.functional.fold(columns, (outHeight, outWidth), (kernel, kernel), padding: (padding, padding), stride: (stride, stride));
        return y + bias.view(1, -1, 1, 1);
    }
}
