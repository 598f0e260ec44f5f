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
        var (count, height, width) = (images.Size(0), images.Size(1), images.Size(2));
        var device = images.Device;
        var m = forward.To(DType.Float64);
        Tensor At(int row, int column) => m.Select(1, row).Select(1, column).View(-1, 1, 1);

        // invertAffineTransform, term by term (a singular matrix gets 0 for 1/determinant, as there).
        var (m00, m01, m02, m10, m11, m12) = (At(0, 0), At(0, 1), At(0, 2), At(1, 0), At(1, 1), At(1, 2));
        var determinant = m00 * m11 - m01 * m10;
        var inverseDeterminant = Tensor.Where(determinant.Ne(0), 1 / determinant, determinant);
        var a11 = m11 * inverseDeterminant;
        var a22 = m00 * inverseDeterminant;
        var a12 = -m01 * inverseDeterminant;
        var a21 = -m10 * inverseDeterminant;
        var b1 = -a11 * m02 - a12 * m12;
        var b2 = -a21 * m02 - a22 * m12;

        // WarpAffineInvoker: a per-row term and a per-column term, each rounded to 1/1024 (cvRound is
        // half to even, as torch.round), summed, then cut to 1/32 pixel by an arithmetic shift.
        var rows = Tensor.Arange(0, height, 1, DType.Float64, device).View(1, -1, 1);
        var columns = Tensor.Arange(0, width, 1, DType.Float64, device).View(1, 1, -1);
        var x = ((a12 * rows + b1) * AffineScale).Round() + RoundDelta + (a11 * columns * AffineScale).Round();
        var y = ((a22 * rows + b2) * AffineScale).Round() + RoundDelta + (a21 * columns * AffineScale).Round();
        x = (x / (AffineScale / SubpixelSteps)).Floor();
        y = (y / (AffineScale / SubpixelSteps)).Floor();
        var left = (x / SubpixelSteps).Floor();
        var top = (y / SubpixelSteps).Floor();
        var fractionX = x - left * SubpixelSteps;
        var fractionY = y - top * SubpixelSteps;

        // remapBilinear: the four neighbours (zero outside the image) weighted by the 1/32 fractions.
        var pixels = images.To(DType.Float64).Reshape(count, height * width);
        Tensor Neighbour(int dy, int dx)
        {
            var row = top + dy;
            var column = left + dx;
            var inside = row.Ge(0).LogicalAnd(row.Lt(height)).LogicalAnd(column.Ge(0)).LogicalAnd(column.Lt(width));
            var index = row.Clamp(0, height - 1) * width + column.Clamp(0, width - 1);
            var values = pixels.Gather(1, index.To(DType.Int64).Reshape(count, height * width)).View(count, height, width);
            return values * inside.To(DType.Float64);
        }

        var weightTop = SubpixelSteps - fractionY;
        var weightLeft = SubpixelSteps - fractionX;
        var sum = Neighbour(0, 0) * weightTop * weightLeft + Neighbour(0, 1) * weightTop * fractionX
            + Neighbour(1, 0) * fractionY * weightLeft + Neighbour(1, 1) * fractionY * fractionX;

        // OpenCV's weights are these products times 2^5 and its result (sum + 2^14) >> 15.
        return ((sum + 512) / 1024).Floor().To(DType.UInt8);
    }
}
