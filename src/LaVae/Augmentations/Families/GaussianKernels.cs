using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>torchvision's gaussian_blur with a kernel per image, batched as one grouped convolution.</summary>
internal static class GaussianKernels
{
    /// <summary>
    /// torchvision's _get_gaussian_kernel1d for each sigma (N), in float32 as there:
    /// exp(−0.5·(x/σ)²) at x = −k/2..k/2, divided by its sum; (N, k).
    /// </summary>
    public static Tensor OneDimensional(Tensor sigmas, int size)
    {
        var half = size / 2;
        var x = arange(-half, half + 1, 1, ScalarType.Float32, sigmas.device).view(1, -1);
        var density = ((x / sigmas.to(ScalarType.Float32).view(-1, 1)).pow(2) * -0.5).exp();
        return density / density.sum(1, keepdim: true);
    }

    /// <summary>
    /// Blurs (N, H, W) values with image n's kernel <paramref name="kernels1d"/>[n] (N, k): the 2-D
    /// kernel is the float32 outer product (torch.mm there), padding reflects, and the convolution runs
    /// in <paramref name="dtype"/>. Returns (N, H, W) of <paramref name="dtype"/>.
    /// </summary>
    public static Tensor Blur(Tensor values, Tensor kernels1d, ScalarType dtype)
    {
        var (count, size) = (kernels1d.size(0), kernels1d.size(1));
        var half = size / 2;
        var kernels2d = (kernels1d.view(count, size, 1) * kernels1d.view(count, 1, size)).to(dtype).view(count, 1, size, size);
        return ImageBatch.InChunks(count, (start, length) =>
        {
            // The chunk's images as the channels of one image: one grouped convolution, a kernel each.
            var padded = nn.functional.pad(values.narrow(0, start, length).to(dtype).unsqueeze(0), [half, half, half, half], PaddingModes.Reflect);
            return nn.functional.conv2d(padded, kernels2d.narrow(0, start, length), groups: length).squeeze(0);
        });
    }
}
