using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// OpenCV's warpAffine with INTER_LINEAR and a constant zero border on uint8 images, reproduced bit
/// for bit: OpenCV maps each output pixel back through the inverted matrix in fixed point (source
/// positions in 1/32 pixel, weights summing to 2^15), not in floating point. Every quantity here is an
/// integer held exactly in float64.
/// </summary>
internal static class OpenCvWarpAffine
{
    private const double AffineScale = 1 << 10; // AB_SCALE: matrix terms in 1/1024
    private const double SubpixelSteps = 1 << 5; // INTER_TAB_SIZE: positions in 1/32 pixel
    private const double RoundDelta = AffineScale / SubpixelSteps / 2;

    /// <summary>
    /// Warps (N, H, W) uint8 images by the forward matrices <paramref name="forward"/> (N, 2, 3), which
    /// map input (x, y) to output positions, as cv2.warpAffine(image, M, (W, H)) does.
    /// </summary>
    public static Tensor Bilinear(Tensor images, Tensor forward)
    {
        var (count, height, width) = (images.size(0), images.size(1), images.size(2));
        var device = images.device;
        var m = forward.to(ScalarType.Float64);
        Tensor At(int row, int column) => m.select(1, row).select(1, column).view(-1, 1, 1);

        // invertAffineTransform, term by term (a singular matrix gets 0 for 1/determinant, as there).
        var (m00, m01, m02, m10, m11, m12) = (At(0, 0), At(0, 1), At(0, 2), At(1, 0), At(1, 1), At(1, 2));
        var determinant = m00 * m11 - m01 * m10;
        var inverseDeterminant = where(determinant.ne(0), 1 / determinant, determinant);
        var a11 = m11 * inverseDeterminant;
        var a22 = m00 * inverseDeterminant;
        var a12 = -m01 * inverseDeterminant;
        var a21 = -m10 * inverseDeterminant;
        var b1 = -a11 * m02 - a12 * m12;
        var b2 = -a21 * m02 - a22 * m12;

        // WarpAffineInvoker: a per-row term and a per-column term, each rounded to 1/1024 (cvRound is
        // half to even, as torch.round), summed, then cut to 1/32 pixel by an arithmetic shift.
        var rows = arange(0, height, 1, ScalarType.Float64, device).view(1, -1, 1);
        var columns = arange(0, width, 1, ScalarType.Float64, device).view(1, 1, -1);
        var x = ((a12 * rows + b1) * AffineScale).round() + RoundDelta + (a11 * columns * AffineScale).round();
        var y = ((a22 * rows + b2) * AffineScale).round() + RoundDelta + (a21 * columns * AffineScale).round();
        x = (x / (AffineScale / SubpixelSteps)).floor();
        y = (y / (AffineScale / SubpixelSteps)).floor();
        var left = (x / SubpixelSteps).floor();
        var top = (y / SubpixelSteps).floor();
        var fractionX = x - left * SubpixelSteps;
        var fractionY = y - top * SubpixelSteps;

        // remapBilinear: the four neighbours (zero outside the image) weighted by the 1/32 fractions.
        var pixels = images.to(ScalarType.Float64).reshape(count, height * width);
        Tensor Neighbour(int dy, int dx)
        {
            var row = top + dy;
            var column = left + dx;
            var inside = row.ge(0).logical_and(row.lt(height)).logical_and(column.ge(0)).logical_and(column.lt(width));
            var index = row.clamp(0, height - 1) * width + column.clamp(0, width - 1);
            var values = pixels.gather(1, index.to(ScalarType.Int64).reshape(count, height * width)).view(count, height, width);
            return values * inside.to(ScalarType.Float64);
        }

        var weightTop = SubpixelSteps - fractionY;
        var weightLeft = SubpixelSteps - fractionX;
        var sum = Neighbour(0, 0) * weightTop * weightLeft + Neighbour(0, 1) * weightTop * fractionX
            + Neighbour(1, 0) * fractionY * weightLeft + Neighbour(1, 1) * fractionY * fractionX;

        // OpenCV's weights are these products times 2^5 and its result (sum + 2^14) >> 15.
        return ((sum + 512) / 1024).floor().to(ScalarType.Byte);
    }
}
