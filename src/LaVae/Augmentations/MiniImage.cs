using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>mini_image: the whole image shrunk to 8x8 and pasted over its own top-left corner.</summary>
public sealed class MiniImage : Augmentation
{
    private const int MiniSide = 8;

    public override string Name => "mini_image";

    protected override Tensor Transform(Tensor images, Generator generator)
    {
        // torchvision's resize of a uint8 tensor as of 2023: float32 bilinear with align_corners=False
        // and no antialiasing, rounded before the cast back to uint8.
        var shrunk = nn.functional.interpolate(ImageBatch.AsChannel(images, ScalarType.Float32), [MiniSide, MiniSide], mode: InterpolationMode.Bilinear, align_corners: false);
        var mini = ImageBatch.RoundToBytes(shrunk).squeeze(1);

        const int rest = ImageBatch.Side - MiniSide;
        var topRows = cat([mini, images.narrow(1, 0, MiniSide).narrow(2, MiniSide, rest)], dim: 2);
        return cat([topRows, images.narrow(1, MiniSide, rest)], dim: 1);
    }
}
