using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// salt_and_pepper: each pixel with probability amount is replaced, by 255 (salt) with probability
/// salt_ratio, else by 0 (pepper): skimage.util.random_noise(img, mode='s&amp;p', amount,
/// salt_vs_pepper) semantics, with the run's generator in place of NumPy's.
/// </summary>
public sealed class SaltAndPepper : IAugmentationFamily
{
    public string Name => "salt_and_pepper";

    public string Meaning => "replaces a fraction of the pixels by 255 or 0 (skimage.util.random_noise mode 's&p')";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Number("amount", 0, 1, "probability that a pixel is replaced"),
        FamilyParameter.Number("salt_ratio", 0, 1, "probability that a replaced pixel becomes white (255) rather than black (0)", defaultValue: 0.5, range: false),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) => null;

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var amount = FamilyValues.Number(values, "amount");
        var saltRatio = FamilyValues.Fixed(values, "salt_ratio");
        return new DeclaredAugmentation(id, (images, generator) =>
        {
            // As skimage: one uniform per pixel picks the replaced pixels, another salt or pepper.
            var amounts = FamilyValues.PerImage(amount, generator, images.size(0), images.device);
            var replace = rand(images.shape, dtype: ScalarType.Float64, device: images.device, generator: generator);
            var salt = rand(images.shape, dtype: ScalarType.Float64, device: images.device, generator: generator);
            return Apply(images, amounts, saltRatio, replace, salt);
        });
    }

    /// <summary>
    /// Pixel p of image n is replaced where <paramref name="replace"/>[p] &lt; amount_n, by 255 where
    /// also <paramref name="salt"/>[p] &lt; salt_ratio, else by 0 (uniform draws in [0, 1), (N, 28, 28)).
    /// </summary>
    internal static Tensor Apply(Tensor images, Tensor amounts, double saltRatio, Tensor replace, Tensor salt)
    {
        var replaced = replace.lt(amounts.to(replace.dtype).view(-1, 1, 1));
        var value = where(salt.lt(saltRatio), full([], 255, ScalarType.Byte, images.device), zeros([], ScalarType.Byte, images.device));
        return where(replaced, value, images);
    }
}
