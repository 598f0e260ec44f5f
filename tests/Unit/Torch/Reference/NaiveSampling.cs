namespace LaVae.Tests.Unit.Torch.Reference;

/// <summary>
/// Resampling written from PyTorch's documented formulas, over row-major (N, C, H, W) arrays.
/// </summary>
internal static class NaiveSampling
{
    /// <summary>
    /// Bilinear resize without antialiasing. Output pixel d reads the input at
    /// src = (d + 0.5)·in/out − 0.5 clamped at 0 below (align_corners=false), or
    /// src = d·(in − 1)/(out − 1) (align_corners=true), and blends the two neighbours
    /// floor(src) and min(floor(src) + 1, in − 1).
    /// </summary>
    public static double[] InterpolateBilinear(double[] input, long[] shape, long height, long width, bool alignCorners)
    {
        var (planes, h, w) = (shape[0] * shape[1], shape[2], shape[3]);
        var output = new double[planes * height * width];
        for (var p = 0L; p < planes; p++)
        for (var y = 0L; y < height; y++)
        for (var x = 0L; x < width; x++)
        {
            var (y0, y1, wy) = Neighbours(SourceIndex(y, h, height, alignCorners), h);
            var (x0, x1, wx) = Neighbours(SourceIndex(x, w, width, alignCorners), w);
            double At(long iy, long ix) => input[((p * h) + iy) * w + ix];
            output[((p * height) + y) * width + x] =
                ((1 - wy) * (((1 - wx) * At(y0, x0)) + (wx * At(y0, x1)))) +
                (wy * (((1 - wx) * At(y1, x0)) + (wx * At(y1, x1))));
        }

        return output;
    }

    /// <summary>
    /// Bilinear resize with antialiasing (align_corners=false), as PIL and PyTorch's separable
    /// filter: with scale = in/out, output pixel d is centred at (d + 0.5)·scale in input
    /// coordinates and averages the input pixels within support = max(scale, 1) of it, weighted
    /// by the triangle 1 − |t| at t = (i + 0.5 − centre)/max(scale, 1), normalised to sum 1.
    /// </summary>
    public static double[] InterpolateBilinearAntialiased(double[] input, long[] shape, long height, long width)
    {
        var (planes, h, w) = (shape[0] * shape[1], shape[2], shape[3]);
        var rows = FilterWeights(h, height);
        var columns = FilterWeights(w, width);
        var output = new double[planes * height * width];
        for (var p = 0L; p < planes; p++)
        for (var y = 0L; y < height; y++)
        for (var x = 0L; x < width; x++)
        {
            var sum = 0.0;
            foreach (var (iy, wy) in rows[y])
            foreach (var (ix, wx) in columns[x])
            {
                sum += wy * wx * input[((p * h) + iy) * w + ix];
            }

            output[((p * height) + y) * width + x] = sum;
        }

        return output;
    }

    /// <summary>
    /// grid_sample (N, C, H, W) at grid (N, Ho, Wo, 2) of (x, y) in [−1, 1]. With align_corners=false
    /// −1 and 1 are the outer edges of the corner pixels: ix = ((x + 1)·W − 1)/2. Bilinear blends
    /// the four neighbours (zeros padding: a neighbour outside the image counts as 0; border: the
    /// coordinate is first clamped into [0, W − 1]); nearest takes the neighbour at round-half-even.
    /// </summary>
    public static double[] GridSample(double[] input, long[] shape, double[] grid, long outHeight, long outWidth,
        bool nearest = false, bool border = false, bool alignCorners = false)
    {
        var (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3]);
        var output = new double[n * c * outHeight * outWidth];
        for (var b = 0L; b < n; b++)
        for (var y = 0L; y < outHeight; y++)
        for (var x = 0L; x < outWidth; x++)
        {
            var g = (((b * outHeight) + y) * outWidth + x) * 2;
            var ix = Unnormalize(grid[g], w, alignCorners);
            var iy = Unnormalize(grid[g + 1], h, alignCorners);
            if (border)
            {
                (ix, iy) = (Math.Clamp(ix, 0, w - 1), Math.Clamp(iy, 0, h - 1));
            }

            for (var ch = 0L; ch < c; ch++)
            {
                double At(long py, long px) => py >= 0 && py < h && px >= 0 && px < w ? input[(((b * c) + ch) * h + py) * w + px] : 0;
                double value;
                if (nearest)
                {
                    value = At((long)Math.Round(iy, MidpointRounding.ToEven), (long)Math.Round(ix, MidpointRounding.ToEven));
                }
                else
                {
                    var (x0, y0) = ((long)Math.Floor(ix), (long)Math.Floor(iy));
                    var (fx, fy) = (ix - x0, iy - y0);
                    value = ((1 - fy) * (((1 - fx) * At(y0, x0)) + (fx * At(y0, x0 + 1)))) +
                            (fy * (((1 - fx) * At(y0 + 1, x0)) + (fx * At(y0 + 1, x0 + 1))));
                }

                output[(((b * c) + ch) * outHeight + y) * outWidth + x] = value;
            }
        }

        return output;
    }

    private static double SourceIndex(long destination, long inSize, long outSize, bool alignCorners)
    {
        if (alignCorners)
        {
            return outSize > 1 ? destination * (inSize - 1) / (double)(outSize - 1) : 0;
        }

        var source = ((destination + 0.5) * inSize / outSize) - 0.5;
        return Math.Max(source, 0);
    }

    private static (long Low, long High, double Weight) Neighbours(double source, long size)
    {
        var low = (long)Math.Floor(source);
        return (low, Math.Min(low + 1, size - 1), source - low);
    }

    private static double Unnormalize(double coordinate, long size, bool alignCorners) =>
        alignCorners ? (coordinate + 1) / 2 * (size - 1) : (((coordinate + 1) * size) - 1) / 2;

    private static List<(long Index, double Weight)>[] FilterWeights(long inSize, long outSize)
    {
        var scale = inSize / (double)outSize;
        var support = Math.Max(scale, 1);
        var result = new List<(long, double)>[outSize];
        for (var d = 0L; d < outSize; d++)
        {
            var centre = (d + 0.5) * scale;
            var taps = new List<(long Index, double Weight)>();
            for (var i = 0L; i < inSize; i++)
            {
                var t = Math.Abs((i + 0.5 - centre) / support);
                if (t < 1)
                {
                    taps.Add((i, 1 - t));
                }
            }

            var total = taps.Sum(tap => tap.Weight);
            result[d] = taps.Select(tap => (tap.Index, tap.Weight / total)).ToList();
        }

        return result;
    }
}
