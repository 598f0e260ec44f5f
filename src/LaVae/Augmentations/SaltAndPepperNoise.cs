using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// sap_noise: each pixel independently with probability 0.2 gets 128 + 16·N(0, 1) added, cast to int8,
/// with uint8 wrap-around.
/// </summary>
public sealed class SaltAndPepperNoise : Augmentation
{
    public const double Fraction = 0.2;
    private const double Mean = 128;
    private const double Deviation = 16;

    public override string Name => "sap_noise";

    protected override Tensor Transform(Tensor images, Generator generator)
    {
        long[] shape = [images.size(0), ImageBatch.Side, ImageBatch.Side];
        var chosen = rand(shape, dtype: ScalarType.Float32, device: images.device, generator: generator).lt(Fraction);
        var noise = randn(shape, dtype: ScalarType.Float32, device: images.device, generator: generator) * Deviation + Mean;

        // The int8 cast changes a value only by a multiple of 256, which the uint8 wrap-around
        // addition discards: adding the truncated value modulo 256 gives the same bytes.
        var added = NoiseValues.TruncateToWrappedBytes(noise) * chosen.to(ScalarType.Byte);
        return images + added;
    }
}
