namespace LaVae.Torch;

// Convolutions computed through columns (unfold/fold + matmul) on CPU; autograd derives the backward
// from the matmul. On CUDA the forward is cuDNN's own convolution. `lavae bench --layers` times every
// layer of the models both ways: only the decoder's one-channel output layer is faster so (README,
// "Measured"), so only it uses this form; the encoder's input layer stays LibTorch's.

/// <summary>conv2d as unfold + matmul: measured against LibTorch's by `lavae bench --layers`, and slower.</summary>
public sealed class ColumnConv2d(long inChannels, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
    : ConvolutionLayer(nameof(ColumnConv2d), [outChannels, inChannels, kernel, kernel], outChannels, kernel, stride, padding, generator, device)
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
        // The batch as one image's channels, as in ColumnConvTranspose2d: one im2col region, not one per image.
        var columns = nn.functional.unfold(x.reshape(1, -1, height, width), Kernel, padding: Padding, stride: Stride).view(n, -1, outHeight * outWidth); // (N, C_in·k·k, H'·W')
        var y = weight.view(weight.size(0), -1).matmul(columns) + bias.view(1, -1, 1); // (N, C_out, H'·W')
        return y.view(n, -1, outHeight, outWidth);
    }
}

/// <summary>
/// conv_transpose2d as batched matmul + fold: the decoder's one-channel output layer. Weight (C_in, C_out,
/// k, k), whose fan-in PyTorch takes from dim 1 (C_out·k·k).
/// </summary>
public sealed class ColumnConvTranspose2d(long inChannels, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
    : ConvolutionLayer(nameof(ColumnConvTranspose2d), [inChannels, outChannels, kernel, kernel], outChannels, kernel, stride, padding, generator, device)
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
        // A batched product, not matmul's broadcast of one matrix over the batch: matmul folds the
        // batch into rows and hands x's gradient back channels-innermost, and the ReLU before this
        // layer then ran its backward (threshold_backward) as a scalar strided loop, 3-4 ms a step;
        // bmm's gradient is x's own layout, so that backward stays vectorised.
        var columns = weight.view(inChannels, -1).t().expand(n, -1, -1).bmm(x.view(n, inChannels, height * width)); // (N, C_out·k·k, H·W)
        // fold over one "image" whose channels are the batch's: LibTorch's col2im, and im2col in its
        // backward, loop over the batch with one OpenMP region per image (64 a step, each a fork and
        // join of a few microseconds' work); as one image it is one region. The sums are the same, in
        // the same order.
        var y = nn.functional.fold(columns.view(1, -1, height * width), (outHeight, outWidth), (Kernel, Kernel), padding: (Padding, Padding), stride: (Stride, Stride));
        return y.view(n, -1, outHeight, outWidth) + bias.view(1, -1, 1, 1);
    }
}
