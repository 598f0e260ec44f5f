using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// canny, imgaug's Canny(alpha=1) with colorizer edge = 0, non-edge = 255: OpenCV's Canny edges
/// drawn black on white. Per image, imgaug's default parameters: a low threshold uniform over the
/// integers 60..140, a high one over 160..240, and a Sobel aperture drawn from 3..7 with even draws
/// lowered by one (3: 40%, 5: 40%, 7: 20%).
/// </summary>
public sealed class Canny : Augmentation
{
    public override string Name => "canny";

    /// <summary>Canny with given thresholds and apertures (3, 5 or 7), N values each.</summary>
    internal static Tensor Apply(Tensor images, Tensor low, Tensor high, Tensor aperture) =>
        ImageBatch.InChunks(images.size(0), (start, length) =>
        {
            var edges = OpenCvCanny.Edges(images.narrow(0, start, length), low.narrow(0, start, length), high.narrow(0, start, length), aperture.narrow(0, start, length));
            return edges.logical_not().to(ScalarType.Byte) * full([], 255, ScalarType.Byte, images.device);
        });

    protected override Tensor Transform(Tensor images, Generator generator)
    {
        var (count, device) = (images.size(0), images.device);
        var low = RandomDraws.Integers(generator, count, 60, 140, device);
        var high = RandomDraws.Integers(generator, count, 160, 240, device);
        var drawnSize = RandomDraws.Integers(generator, count, 3, 7, device);
        var aperture = drawnSize - (1 - drawnSize.remainder(2));
        return Apply(images, low, high, aperture);
    }
}
