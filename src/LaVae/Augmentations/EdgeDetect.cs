using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// edge_detect, imgaug's EdgeDetect(alpha=(0, 1)): one 3x3 filter per image,
/// (1 - alpha)·identity + alpha·[[0, 1, 0], [1, -4, 1], [0, 1, 0]], alpha uniform in [0, 1].
/// </summary>
public sealed class EdgeDetect : Augmentation
{
    public override string Name => "edge_detect";

    /// <summary>The filter with a given alpha (N values) for each image.</summary>
    internal static Tensor Apply(Tensor images, Tensor alpha) =>
        ImageBatch.InChunks(images.size(0), (start, length) => Filter(images.narrow(0, start, length), alpha.narrow(0, start, length)));

    protected override Tensor Transform(Tensor images, Generator generator) =>
        Apply(images, RandomDraws.Uniform(generator, images.size(0), 0, 1, images.device));

    private static Tensor Filter(Tensor images, Tensor alpha)
    {
        // imgaug builds the matrix in float32 and OpenCV's filter2D sums in float32, so do the same.
        var a = alpha.to(ScalarType.Float32).view(-1, 1, 1);
        var centre = (1 - a) + a * -4;

        // filter2D's default border is reflect-101, which is torch's "reflect" padding.
        var padded = nn.functional.pad(ImageBatch.AsChannel(images, ScalarType.Float32), [1, 1, 1, 1], PaddingModes.Reflect).squeeze(1);
        Tensor Tap(int dy, int dx) => padded.narrow(1, 1 + dy, ImageBatch.Side).narrow(2, 1 + dx, ImageBatch.Side);

        // filter2D drops the zero taps and accumulates the others in row-major order (its SIMD code may
        // fuse the multiply-adds, which can only matter for a sum within float32 rounding of a half).
        var filtered = a * Tap(-1, 0) + a * Tap(0, -1) + centre * Tap(0, 0) + a * Tap(0, 1) + a * Tap(1, 0);

        // filter2D writes uint8 through saturate_cast: round half to even, clip to [0, 255].
        return ImageBatch.RoundToBytes(filtered);
    }
}
