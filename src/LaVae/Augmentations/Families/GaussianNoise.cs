using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// gaussian_noise: x + mean + σ·N(0, 1) per pixel, rounded half to even and saturated to [0, 255], as
/// adding float noise to a uint8 image and casting back does in torchvision and cv2 (not the
/// uint8 wrap-around of the paper's sap_noise). No library's random stream is reproduced: the noise
/// comes from the run's generator.
/// </summary>
public sealed class GaussianNoise : IAugmentationFamily
{
    public string Name => "gaussian_noise";

    public string Meaning => "additive Gaussian noise per pixel, rounded and saturated to [0, 255]";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Number("sigma", 0, 255, "standard deviation of the noise in grey levels"),
        FamilyParameter.Number("mean", -255, 255, "mean of the noise in grey levels (a brightness shift)", defaultValue: 0, range: false),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) => null;

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var sigma = FamilyValues.Number(values, "sigma");
        var mean = FamilyValues.Fixed(values, "mean");
        return new DeclaredAugmentation(id, (images, generator) =>
        {
            // The per-image sigmas first (parameter order), then the pixels' noise.
            var sigmas = FamilyValues.PerImage(sigma, generator, images.size(0), images.device);
            var noise = randn(images.shape, dtype: ScalarType.Float32, device: images.device, generator: generator);
            return Apply(images, sigmas, mean, noise);
        });
    }

    /// <summary>round(x + mean + σ_n·noise) saturated, in float64, for standard normal noise (N, 28, 28).</summary>
    internal static Tensor Apply(Tensor images, Tensor sigmas, double mean, Tensor noise) =>
        ImageBatch.RoundToBytes(images.to(ScalarType.Float64) + mean + sigmas.to(ScalarType.Float64).view(-1, 1, 1) * noise.to(ScalarType.Float64));
}
