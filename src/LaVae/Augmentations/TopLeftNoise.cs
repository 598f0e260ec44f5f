using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// tl_sap_noise: noise 128 + 32·N(0, 1), cast to uint8, added with uint8 wrap-around to the top-left
/// 7x7 corner (the paper's "top-left quarter (7x7)"); the rest of the image is unchanged.
/// </summary>
public sealed class TopLeftNoise : Augmentation
{
    public const int PatchSide = 7;
    private const double Mean = 128;
    private const double Deviation = 32;

    public override string Name => "tl_sap_noise";

    protected override Tensor Transform(Tensor images, Generator generator)
    {
        var noise = randn([images.size(0), PatchSide, PatchSide], dtype: ScalarType.Float32, device: images.device, generator: generator) * Deviation + Mean;
        const int rest = ImageBatch.Side - PatchSide;
        var patch = nn.functional.pad(NoiseValues.TruncateToWrappedBytes(noise), [0, rest, 0, rest]);

        // uint8 + uint8 wraps modulo 256, as in PyTorch; zeros outside the patch leave it unchanged.
        return images + patch;
    }
}
