using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>The batch layout the augmentations take and the conversions they share.</summary>
internal static class ImageBatch
{
    /// <summary>MNIST's image side.</summary>
    public const int Side = 28;

    /// <summary>
    /// Images augmented at a time by <see cref="InChunks"/>: the exact float64 arithmetic of shearX
    /// and canny holds about half a megabyte of intermediates per image.
    /// </summary>
    public const int ChunkSize = 1024;

    public static void Require(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.shape;
        if (images.dtype != ScalarType.Byte || shape.Length != 3 || shape[1] != Side || shape[2] != Side)
        {
            throw new ArgumentException($"augmentations take uint8 images of shape (N, {Side}, {Side}), not {images}", nameof(images));
        }
    }

    /// <summary>
    /// Augments <paramref name="count"/> images chunk by chunk, freeing each chunk's intermediates
    /// before the next, and joins the results. <paramref name="augmentRange"/> gets the first image
    /// and the number of images of a chunk; per-image work makes the result independent of the
    /// chunking, and random parameters are drawn for the whole batch before.
    /// </summary>
    public static Tensor InChunks(long count, Func<long, long, Tensor> augmentRange)
    {
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < count; start += ChunkSize)
        {
            using var chunkScope = NewDisposeScope();
            parts.Add(augmentRange(start, Math.Min(ChunkSize, count - start)).MoveToOuterDisposeScope());
        }

        return cat(parts).MoveToOuterDisposeScope();
    }

    /// <summary>(N, H, W) as (N, 1, H, W) of <paramref name="dtype"/>: the layout of conv2d and interpolate.</summary>
    public static Tensor AsChannel(Tensor images, ScalarType dtype) => images.to(dtype).unsqueeze(1);

    /// <summary>
    /// Rounds half to even and saturates to [0, 255]: what OpenCV's saturate_cast&lt;uchar&gt; does with a
    /// float, and what torchvision does before casting a float result back to uint8.
    /// </summary>
    public static Tensor RoundToBytes(Tensor values) => values.round().clamp(0, 255).to(ScalarType.Byte);
}
