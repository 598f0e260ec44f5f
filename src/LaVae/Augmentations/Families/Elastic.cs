using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// elastic: torchvision's ElasticTransform (0.15+): per image, a displacement field of uniform noise
/// in [−1, 1] blurred by gaussian_blur with σ (kernel int(8σ + 1), made odd, reflect padding) and
/// scaled by alpha / 28, then torchvision.transforms.functional.elastic_transform(img, displacement):
/// grid_sample, bilinear, zero padding, align_corners=False, on the identity grid plus the
/// displacement, rounded back to uint8. Departs from the class's default fill=0, which also multiplies
/// each pixel by the in-image share of its bilinear weights near the border; the functional's
/// fill=None, plain zero padding, is used.
/// </summary>
public sealed class Elastic : IAugmentationFamily
{
    /// <summary>
    /// torchvision pads by half the kernel with reflect padding, which needs fewer pixels than the
    /// image side: int(8σ + 1) made odd must be at most 55, so σ below 6.875.
    /// </summary>
    private const double SigmaLimit = 6.875;

    public string Name => "elastic";

    public string Meaning => "elastic deformation by a blurred random displacement field (torchvision.transforms.ElasticTransform, fill=None)";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Number("alpha", 0, 200, "strength: the displacement's scale in pixels before blurring", defaultValue: 50, range: false),
        FamilyParameter.Number("sigma", 0.1, 20, "smoothness: the standard deviation in pixels of the Gaussian that blurs the displacement", defaultValue: 5, range: false),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) =>
        FamilyValues.Fixed(values, "sigma") < SigmaLimit
            ? null
            : $"sigma must be below {SigmaLimit}: torchvision's kernel of int(8·sigma + 1) pixels with reflect padding must fit the {ImageBatch.Side}-pixel image.";

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var alpha = FamilyValues.Fixed(values, "alpha");
        var sigma = FamilyValues.Fixed(values, "sigma");
        return new DeclaredAugmentation(id, (images, generator) =>
        {
            var dx = rand(images.shape, dtype: ScalarType.Float32, device: images.device, generator: generator);
            var dy = rand(images.shape, dtype: ScalarType.Float32, device: images.device, generator: generator);
            return Apply(images, Displacement(dx, dy, alpha, sigma));
        });
    }

    /// <summary>
    /// torchvision's ElasticTransform.get_params for uniform draws in [0, 1) <paramref name="dx"/>,
    /// <paramref name="dy"/> (N, 28, 28): blur(2u − 1)·alpha/28 in float32 as there; (N, 28, 28, 2).
    /// </summary>
    internal static Tensor Displacement(Tensor dx, Tensor dy, double alpha, double sigma)
    {
        var kernelSize = (int)(8 * sigma + 1);
        kernelSize += kernelSize % 2 == 0 ? 1 : 0;
        var kernels = GaussianKernels.OneDimensional(full([dx.size(0)], sigma, ScalarType.Float32, dx.device), kernelSize);
        Tensor Field(Tensor uniform) => GaussianKernels.Blur(uniform.to(ScalarType.Float32) * 2 - 1, kernels, ScalarType.Float32) * alpha / ImageBatch.Side;
        return stack([Field(dx), Field(dy)], dim: -1);
    }

    /// <summary>
    /// torchvision.transforms.functional.elastic_transform(img, displacement) with fill=None for a
    /// displacement (N, 28, 28, 2) in grid_sample's normalised units (x then y).
    /// </summary>
    internal static Tensor Apply(Tensor images, Tensor displacement)
    {
        const int side = ImageBatch.Side;
        var space = linspace((1.0 - side) / side, (side - 1.0) / side, side, ScalarType.Float32, images.device);
        var grids = meshgrid([space, space], indexing: "ij");
        var identity = stack([grids[1], grids[0]], dim: -1).unsqueeze(0);
        var grid = identity + displacement.to(ScalarType.Float32);
        var sampled = nn.functional.grid_sample(ImageBatch.AsChannel(images, ScalarType.Float32), grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false);
        return ImageBatch.RoundToBytes(sampled.squeeze(1));
    }
}
