using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// gaussian_blur, torchvision's GaussianBlur(7, sigma=(0.1, 2.0)) as the authors applied it: one sigma
/// drawn uniformly in [0.1, 2.0] for the whole call, a 7x7 kernel, reflect padding.
/// </summary>
public sealed class GaussianBlur : Augmentation
{
    public const int KernelSize = 7;
    public const double MinSigma = 0.1;
    public const double MaxSigma = 2.0;

    public override string Name => "gaussian_blur";

    /// <summary>The blur with a given sigma (a one-element float tensor).</summary>
    internal static Tensor Apply(Tensor images, Tensor sigma)
    {
        // torchvision's _get_gaussian_kernel1d, in float32: exp(-x²/(2σ²)) at x = -3..3, normalised;
        // the 2-D kernel is the outer product with itself.
        const int half = KernelSize / 2;
        var x = arange(-half, half + 1, 1, ScalarType.Float32, images.device);
        var density = ((x / sigma.to(ScalarType.Float32)).pow(2) * -0.5).exp();
        var kernel1d = density / density.sum();
        var kernel2d = kernel1d.view(KernelSize, 1) * kernel1d.view(1, KernelSize);

        // torchvision convolves in float32; float64 keeps a GPU from using TF32 and differs from
        // float32 only where a value lies within float32 rounding of a half.
        var weights = kernel2d.to(ScalarType.Float64).view(1, 1, KernelSize, KernelSize);
        return ImageBatch.InChunks(images.size(0), (start, length) =>
        {
            var padded = nn.functional.pad(ImageBatch.AsChannel(images.narrow(0, start, length), ScalarType.Float64), [half, half, half, half], PaddingModes.Reflect);
            return ImageBatch.RoundToBytes(nn.functional.conv2d(padded, weights).squeeze(1));
        });
    }

    protected override Tensor Transform(Tensor images, Generator generator) =>
        Apply(images, RandomDraws.Uniform(generator, 1, MinSigma, MaxSigma, images.device));
}
