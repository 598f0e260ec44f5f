using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// OpenCV's Canny (cv::Canny of OpenCV 4, L2gradient = true) over a batch, each image with its own
/// thresholds and Sobel aperture, reproduced bit for bit: integer Sobel gradients, squared magnitudes
/// against squared thresholds, OpenCV's non-maximum suppression with its fixed-point sector test and
/// tie rules, and hysteresis by 8-connectivity. Integers are held exactly in float64 (a float32
/// convolution may run in TF32 on a GPU).
/// </summary>
internal static class OpenCvCanny
{
    private static readonly int[] Apertures = [3, 5, 7];

    // tan(22.5°) in 1/2^15, and the shift that goes with it, as in canny.cpp.
    private const double Tan22Fixed = 13573;
    private const double FixedOne = 1 << 15;

    /// <summary>
    /// Edge masks (N, H, W, bool) of uint8 images (N, H, W), with per-image thresholds
    /// <paramref name="low"/> and <paramref name="high"/> and apertures <paramref name="aperture"/>
    /// (3, 5 or 7), each N values.
    /// </summary>
    public static Tensor Edges(Tensor images, Tensor low, Tensor high, Tensor aperture)
    {
        var count = images.Size(0);
        var perImage = new long[] { count, 1, 1 };
        var size = aperture.To(DType.Float64).View(perImage);
        var (dx, dy) = Gradients(ImageBatch.AsChannel(images, DType.Float64), size);

        var (lowSquared, highSquared) = SquaredThresholds(low.To(DType.Float64).View(perImage), high.To(DType.Float64).View(perImage), size);
        var magnitude = dx * dx + dy * dy;
        var candidate = magnitude.Gt(lowSquared).LogicalAnd(IsLocalMaximum(magnitude, dx, dy));
        var strong = candidate.LogicalAnd(magnitude.Gt(highSquared));
        var weak = candidate.LogicalAnd(strong.LogicalNot());
        return Hysteresis(strong, weak);
    }

    /// <summary>
    /// Sobel dx and dy (N, H, W) for every image at its own aperture: each aperture is computed for
    /// the whole batch and selected per image.
    /// </summary>
    private static (Tensor Dx, Tensor Dy) Gradients(Tensor pixels, Tensor size)
    {
        var (dx, dy) = Sobel(pixels, Apertures[0]);
        foreach (var aperture in Apertures.Skip(1))
        {
            var (apertureDx, apertureDy) = Sobel(pixels, aperture);
            var chosen = size.Eq(aperture);
            dx = Tensor.Where(chosen, apertureDx, dx);
            dy = Tensor.Where(chosen, apertureDy, dy);
        }

        return (dx, dy);
    }

    /// <summary>cv::Sobel(src, CV_16S, ...) as Canny calls it: replicated border, and for aperture 7 scaled by 1/16.</summary>
    private static (Tensor Dx, Tensor Dy) Sobel(Tensor pixels, int aperture)
    {
        var smooth = SobelKernels.Coefficients(aperture, order: 0);
        var derivative = SobelKernels.Coefficients(aperture, order: 1);
        var weights = new double[2 * aperture * aperture];
        for (var i = 0; i < aperture; i++)
        {
            for (var j = 0; j < aperture; j++)
            {
                weights[i * aperture + j] = smooth[i] * derivative[j];
                weights[(aperture + i) * aperture + j] = derivative[i] * smooth[j];
            }
        }

        var radius = aperture / 2;
        var padded = Functional.Pad(pixels, [radius, radius, radius, radius], PadMode.Replicate);
        var kernel = Tensor.From<double>(weights, [2, 1, aperture, aperture], pixels.Device);
        var gradients = Functional.Conv2d(padded, kernel);

        // OpenCV keeps aperture 7 inside int16 by scaling the Sobel by 1/16, rounding half to even
        // (the thresholds are divided by 16 to match).
        if (aperture == 7)
        {
            gradients = (gradients / 16).Round();
        }

        return (gradients.Select(1, 0), gradients.Select(1, 1));
    }

    /// <summary>
    /// The thresholds OpenCV compares squared magnitudes with: for aperture 7 divided by 16, swapped if
    /// low &gt; high (as imgaug also does), squared and floored to integers.
    /// </summary>
    private static (Tensor Low, Tensor High) SquaredThresholds(Tensor low, Tensor high, Tensor size)
    {
        var divisor = Tensor.Where(size.Eq(7), Tensor.Full([], 16, DType.Float64, size.Device), Tensor.Ones([], DType.Float64, size.Device));
        var scaledLow = low / divisor;
        var scaledHigh = high / divisor;
        var lower = scaledLow.Minimum(scaledHigh);
        var upper = scaledLow.Maximum(scaledHigh);
        return ((lower * lower).Floor(), (upper * upper).Floor());
    }

    /// <summary>
    /// canny.cpp's non-maximum suppression. The gradient direction falls in a sector by a fixed-point
    /// test of |dy| against tan(22.5°)·|dx| and tan(67.5°)·|dx|; the magnitude must beat one
    /// neighbour across the edge strictly and the other at least equally (horizontal and vertical),
    /// or both strictly (diagonal). Magnitudes outside the image count as 0.
    /// </summary>
    private static Tensor IsLocalMaximum(Tensor magnitude, Tensor dx, Tensor dy)
    {
        var (height, width) = (magnitude.Size(1), magnitude.Size(2));
        var padded = Functional.Pad(magnitude.Unsqueeze(1), [1, 1, 1, 1]).Squeeze(1);
        Tensor Neighbour(int rowOffset, int columnOffset) => padded.Narrow(1, 1 + rowOffset, height).Narrow(2, 1 + columnOffset, width);

        var absDx = dx.Abs();
        var scaledAbsDy = dy.Abs() * FixedOne;
        var tan22 = absDx * Tan22Fixed;
        var tan67 = tan22 + absDx * (2 * FixedOne);
        var horizontal = scaledAbsDy.Lt(tan22);
        var vertical = horizontal.LogicalNot().LogicalAnd(scaledAbsDy.Gt(tan67));
        var diagonal = horizontal.LogicalOr(vertical).LogicalNot();

        var acrossHorizontal = magnitude.Gt(Neighbour(0, -1)).LogicalAnd(magnitude.Ge(Neighbour(0, 1)));
        var acrossVertical = magnitude.Gt(Neighbour(-1, 0)).LogicalAnd(magnitude.Ge(Neighbour(1, 0)));

        // dx and dy of one sign: the edge runs from top-right to bottom-left, compare top-left and
        // bottom-right; of opposite signs the other diagonal.
        var sameSign = (dx * dy).Gt(0);
        var acrossMainDiagonal = magnitude.Gt(Neighbour(-1, -1)).LogicalAnd(magnitude.Gt(Neighbour(1, 1)));
        var acrossAntiDiagonal = magnitude.Gt(Neighbour(-1, 1)).LogicalAnd(magnitude.Gt(Neighbour(1, -1)));
        var acrossDiagonal = Tensor.Where(sameSign, acrossMainDiagonal, acrossAntiDiagonal);

        return horizontal.LogicalAnd(acrossHorizontal)
            .LogicalOr(vertical.LogicalAnd(acrossVertical))
            .LogicalOr(diagonal.LogicalAnd(acrossDiagonal));
    }

    /// <summary>
    /// Strong pixels are edges, and so is every weak pixel 8-connected to an edge: grow the edges by
    /// a 3x3 max-pool restricted to weak pixels until nothing changes (a path visits each pixel once,
    /// so at most H·W rounds).
    /// </summary>
    private static Tensor Hysteresis(Tensor strong, Tensor weak)
    {
        var edges = strong.To(DType.Float32).Unsqueeze(1);
        var growable = weak.To(DType.Float32).Unsqueeze(1);
        var rounds = strong.Size(1) * strong.Size(2);
        for (var round = 0; round < rounds; round++)
        {
            var grown = edges.Maximum(Functional.MaxPool2d(edges, kernel: 3, stride: 1, padding: 1) * growable);
            var changed = (grown - edges).Sum().Item() > 0;
            edges = grown;
            if (!changed)
            {
                break;
            }
        }

        return edges.Squeeze(1).Gt(0);
    }
}
