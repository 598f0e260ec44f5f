using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>The batch layout the augmentations take and the conversions they share.</summary>
internal static class ImageBatch
{
    /// <summary>MNIST's image side.</summary>
    public const int Side = 28;

    public static void Require(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.Shape;
        if (images.DType != DType.UInt8 || shape.Length != 3 || shape[1] != Side || shape[2] != Side)
        {
            throw new ArgumentException($"augmentations take uint8 images of shape (N, {Side}, {Side}), not {images}", nameof(images));
        }
    }

    /// <summary>(N, H, W) as (N, 1, H, W) of <paramref name="dtype"/>: the layout of conv2d and interpolate.</summary>
    public static Tensor AsChannel(Tensor images, DType dtype) => images.To(dtype).Unsqueeze(1);

    /// <summary>
    /// Rounds half to even and saturates to [0, 255]: what OpenCV's saturate_cast&lt;uchar&gt; does with a
    /// float, and what torchvision does before casting a float result back to uint8.
    /// </summary>
    public static Tensor RoundToBytes(Tensor values) => values.Round().Clamp(0, 255).To(DType.UInt8);
}
