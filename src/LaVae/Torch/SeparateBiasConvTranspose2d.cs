namespace LaVae.Torch;

/// <summary>
/// conv_transpose2d whose bias is added by its own op on CPU. LibTorch 2.10's oneDNN adds a
/// transposed convolution's bias with its reference (scalar) code, ref_deconvolution's
/// compute_fwd_bias: about 4% of a stage-1 step's CPU samples under `perf`, where a broadcast add
/// costs a fraction of that. The decoder's ConvT(2F→F) is this layer; on CUDA cuDNN adds the bias.
/// </summary>
public sealed class SeparateBiasConvTranspose2d(long inChannels, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
    : ConvolutionLayer(nameof(SeparateBiasConvTranspose2d), [inChannels, outChannels, kernel, kernel], outChannels, kernel, stride, padding, generator, device)
{
    /// <summary>x: (N, C_in, H, W) → (N, C_out, (H−1)·s − 2p + k, …).</summary>
    public override Tensor forward(Tensor x)
    {
        if (x.device_type != DeviceType.CPU)
        {
            return nn.functional.conv_transpose2d(x, weight, bias, strides: [Stride, Stride], padding: [Padding, Padding]);
        }

        var y = nn.functional.conv_transpose2d(x, weight, bias: null, strides: [Stride, Stride], padding: [Padding, Padding]);
        return y + bias.view(1, -1, 1, 1);
    }
}
