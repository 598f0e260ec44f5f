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
        var count = images.size(0);
        var perImage = new long[] { count, 1, 1 };
        var size = aperture.to(ScalarType.Float64).view(perImage);
        var (dx, dy) = Gradients(ImageBatch.AsChannel(images, ScalarType.Float64), size);

        var (lowSquared, highSquared) = SquaredThresholds(low.to(ScalarType.Float64).view(perImage), high.to(ScalarType.Float64).view(perImage), size);
        var magnitude = dx * dx + dy * dy;
        var candidate = magnitude.gt(lowSquared).logical_and(IsLocalMaximum(magnitude, dx, dy));
        var strong = candidate.logical_and(magnitude.gt(highSquared));
        var weak = candidate.logical_and(strong.logical_not());
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
            var chosen = size.eq(aperture);
            dx = where(chosen, apertureDx, dx);
            dy = where(chosen, apertureDy, dy);
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
        var padded = nn.functional.pad(pixels, [radius, radius, radius, radius], PaddingModes.Replicate);
        var kernel = tensor(weights, new long[] { 2, 1, aperture, aperture }, device: pixels.device).to(ScalarType.Float32);

        // Convolved in float32, several times faster than float64 on a CPU and still exact: every pixel
        // (0..255), weight (at most 20·5 = 100) and partial sum (at most 64·20·255 = 326,400 < 2^24) is an
        // integer float32 holds, so no order of summation rounds; TF32's 11 significant bits hold the
        // pixels and weights too, and it sums in float32.
        var gradients = nn.functional.conv2d(padded.to(ScalarType.Float32), kernel).to(ScalarType.Float64);

        // OpenCV keeps aperture 7 inside int16 by scaling the Sobel by 1/16, rounding half to even
        // (the thresholds are divided by 16 to match).
        if (aperture == 7)
        {
            gradients = (gradients / 16).round();
        }

        return (gradients.select(1, 0), gradients.select(1, 1));
    }

    /// <summary>
    /// The thresholds OpenCV compares squared magnitudes with: for aperture 7 divided by 16, swapped if
    /// low &gt; high (as imgaug also does), squared and floored to integers.
    /// </summary>
    private static (Tensor Low, Tensor High) SquaredThresholds(Tensor low, Tensor high, Tensor size)
    {
        var divisor = where(size.eq(7), full([], 16, ScalarType.Float64, size.device), ones([], ScalarType.Float64, size.device));
        var scaledLow = low / divisor;
        var scaledHigh = high / divisor;
        var lower = scaledLow.minimum(scaledHigh);
        var upper = scaledLow.maximum(scaledHigh);
        return ((lower * lower).floor(), (upper * upper).floor());
    }

    /// <summary>
    /// canny.cpp's non-maximum suppression. The gradient direction falls in a sector by a fixed-point
    /// test of |dy| against tan(22.5°)·|dx| and tan(67.5°)·|dx|; the magnitude must beat one
    /// neighbour across the edge strictly and the other at least equally (horizontal and vertical),
    /// or both strictly (diagonal). Magnitudes outside the image count as 0.
    /// </summary>
    private static Tensor IsLocalMaximum(Tensor magnitude, Tensor dx, Tensor dy)
    {
        var (height, width) = (magnitude.size(1), magnitude.size(2));
        var padded = nn.functional.pad(magnitude.unsqueeze(1), [1, 1, 1, 1]).squeeze(1);
        Tensor Neighbour(int rowOffset, int columnOffset) => padded.narrow(1, 1 + rowOffset, height).narrow(2, 1 + columnOffset, width);

        var absDx = dx.abs();
        var scaledAbsDy = dy.abs() * FixedOne;
        var tan22 = absDx * Tan22Fixed;
        var tan67 = tan22 + absDx * (2 * FixedOne);
        var horizontal = scaledAbsDy.lt(tan22);
        var vertical = horizontal.logical_not().logical_and(scaledAbsDy.gt(tan67));
        var diagonal = horizontal.logical_or(vertical).logical_not();

        var acrossHorizontal = magnitude.gt(Neighbour(0, -1)).logical_and(magnitude.ge(Neighbour(0, 1)));
        var acrossVertical = magnitude.gt(Neighbour(-1, 0)).logical_and(magnitude.ge(Neighbour(1, 0)));

        // dx and dy of one sign: the edge runs from top-right to bottom-left, compare top-left and
        // bottom-right; of opposite signs the other diagonal.
        var sameSign = (dx * dy).gt(0);
        var acrossMainDiagonal = magnitude.gt(Neighbour(-1, -1)).logical_and(magnitude.gt(Neighbour(1, 1)));
        var acrossAntiDiagonal = magnitude.gt(Neighbour(-1, 1)).logical_and(magnitude.gt(Neighbour(1, -1)));
        var acrossDiagonal = where(sameSign, acrossMainDiagonal, acrossAntiDiagonal);

        return horizontal.logical_and(acrossHorizontal)
            .logical_or(vertical.logical_and(acrossVertical))
            .logical_or(diagonal.logical_and(acrossDiagonal));
    }

    /// <summary>
    /// Strong pixels are edges, and so is every weak pixel 8-connected to an edge: grow the edges by
    /// a 3x3 max-pool restricted to weak pixels until nothing changes (a path visits each pixel once,
    /// so at most H·W rounds).
    /// </summary>
    private static Tensor Hysteresis(Tensor strong, Tensor weak)
    {
        var edges = strong.to(ScalarType.Float32).unsqueeze(1);
        var growable = weak.to(ScalarType.Float32).unsqueeze(1);
        var rounds = strong.size(1) * strong.size(2);
        for (var round = 0; round < rounds; round++)
        {
            var grown = edges.maximum(nn.functional.max_pool2d(edges, 3, stride: 1, padding: 1) * growable);
            var changed = (grown - edges).sum().ToDouble() > 0;
            edges = grown;
            if (!changed)
            {
                break;
            }
        }

        return edges.squeeze(1).gt(0);
    }
}
