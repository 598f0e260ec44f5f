using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// gaussian_blur: a Gaussian blur with a square kernel; matches
/// torchvision.transforms.functional.gaussian_blur(img, [k, k], [σ, σ]) on uint8 images (float32
/// kernel, reflect padding, rounding half to even). Departs in one way: a range of σ is drawn per
/// image, where torchvision's GaussianBlur draws one σ per call (as the paper's gaussian_blur does).
/// </summary>
public sealed class GaussianBlurFamily : IAugmentationFamily
{
    public string Name => "gaussian_blur";

    public string Meaning => "Gaussian blur with reflect padding (torchvision.transforms.functional.gaussian_blur)";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Number("sigma", 0.1, 10, "standard deviation of the Gaussian in pixels"),
        FamilyParameter.Number("kernel_size", 3, 27, "side of the square kernel in pixels, odd", defaultValue: 7, range: false, integer: true),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) =>
        FamilyValues.Fixed(values, "kernel_size") % 2 == 1 ? null : "kernel_size must be odd, so that the kernel has a centre pixel.";

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var sigma = FamilyValues.Number(values, "sigma");
        var kernelSize = (int)FamilyValues.Fixed(values, "kernel_size");
        return new DeclaredAugmentation(id, (images, generator) =>
            Apply(images, FamilyValues.PerImage(sigma, generator, images.size(0), images.device), kernelSize));
    }

    /// <summary>
    /// The blur with given sigmas (N values, used in float32 as torchvision does), one per image.
    /// The convolution runs in float64 (torchvision's is float32): it keeps a GPU from using TF32 and
    /// differs only where a value lies within float32 rounding of a half (one pixel of the reference
    /// test's 12,544: float64 127.49996 rounds to 127, torchvision's float32 127.50002 to 128).
    /// </summary>
    internal static Tensor Apply(Tensor images, Tensor sigmas, int kernelSize) =>
        ImageBatch.RoundToBytes(GaussianKernels.Blur(images, GaussianKernels.OneDimensional(sigmas, kernelSize), ScalarType.Float64));
}
