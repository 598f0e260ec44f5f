namespace LaVae.Tests.Unit.Torch.Reference;

/// <summary>
/// Convolutions and pooling written as their textbook loops over row-major (N, C, H, W) arrays,
/// to check libtorch's kernels against. Slow and obvious on purpose.
/// </summary>
internal static class NaiveConv
{
    /// <summary>
    /// out[n, o, y, x] = b[o] + Σ_{c, i, j} in[n, g·Cg + c, y·s − p + i·d, x·s − p + j·d] · w[o, c, i, j],
    /// with g the group of output channel o and zero outside the input.
    /// </summary>
    public static (double[] Output, long[] Shape) Conv2d(
        double[] input, long[] inputShape, double[] weight, long[] weightShape, double[]? bias,
        int stride = 1, int padding = 0, int dilation = 1, int groups = 1)
    {
        var (n, c, h, w) = (inputShape[0], inputShape[1], inputShape[2], inputShape[3]);
        var (o, cg, kh, kw) = (weightShape[0], weightShape[1], weightShape[2], weightShape[3]);
        var og = o / groups;
        var ho = ((h + (2 * padding) - (dilation * (kh - 1)) - 1) / stride) + 1;
        var wo = ((w + (2 * padding) - (dilation * (kw - 1)) - 1) / stride) + 1;
        var output = new double[n * o * ho * wo];
        for (var b = 0L; b < n; b++)
        for (var oc = 0L; oc < o; oc++)
        for (var y = 0L; y < ho; y++)
        for (var x = 0L; x < wo; x++)
        {
            var sum = bias?[oc] ?? 0;
            var group = oc / og;
            for (var ic = 0L; ic < cg; ic++)
            for (var i = 0L; i < kh; i++)
            for (var j = 0L; j < kw; j++)
            {
                var (iy, ix) = ((y * stride) - padding + (i * dilation), (x * stride) - padding + (j * dilation));
                if (iy >= 0 && iy < h && ix >= 0 && ix < w)
                {
                    sum += input[(((b * c) + (group * cg) + ic) * h + iy) * w + ix] * weight[(((oc * cg) + ic) * kh + i) * kw + j];
                }
            }

            output[(((b * o) + oc) * ho + y) * wo + x] = sum;
        }

        return (output, [n, o, ho, wo]);
    }

    /// <summary>
    /// The transposed convolution by its scatter definition: every input pixel (y, x) of channel c
    /// adds in[n, c, y, x] · w[c, o, i, j] to out[n, g·Og + o, y·s − p + i·d, x·s − p + j·d]
    /// (dropped where that falls outside), then the bias is added. Output size
    /// (H − 1)·s − 2p + d·(k − 1) + output_padding + 1.
    /// </summary>
    public static (double[] Output, long[] Shape) ConvTranspose2d(
        double[] input, long[] inputShape, double[] weight, long[] weightShape, double[]? bias,
        int stride = 1, int padding = 0, int outputPadding = 0, int dilation = 1, int groups = 1)
    {
        var (n, c, h, w) = (inputShape[0], inputShape[1], inputShape[2], inputShape[3]);
        var (og, kh, kw) = (weightShape[1], weightShape[2], weightShape[3]);
        var cg = c / groups;
        var o = og * groups;
        var ho = ((h - 1) * stride) - (2 * padding) + (dilation * (kh - 1)) + outputPadding + 1;
        var wo = ((w - 1) * stride) - (2 * padding) + (dilation * (kw - 1)) + outputPadding + 1;
        var output = new double[n * o * ho * wo];
        for (var b = 0L; b < n; b++)
        for (var ic = 0L; ic < c; ic++)
        for (var y = 0L; y < h; y++)
        for (var x = 0L; x < w; x++)
        {
            var value = input[(((b * c) + ic) * h + y) * w + x];
            var group = ic / cg;
            for (var oc = 0L; oc < og; oc++)
            for (var i = 0L; i < kh; i++)
            for (var j = 0L; j < kw; j++)
            {
                var (oy, ox) = ((y * stride) - padding + (i * dilation), (x * stride) - padding + (j * dilation));
                if (oy >= 0 && oy < ho && ox >= 0 && ox < wo)
                {
                    output[(((b * o) + (group * og) + oc) * ho + oy) * wo + ox] += value * weight[(((ic * og) + oc) * kh + i) * kw + j];
                }
            }
        }

        if (bias is not null)
        {
            for (var i = 0L; i < output.LongLength; i++)
            {
                output[i] += bias[i / (ho * wo) % o];
            }
        }

        return (output, [n, o, ho, wo]);
    }

    /// <summary>y[.., o] = b[o] + Σ_i x[.., i] · W[o, i] over the last dimension.</summary>
    public static double[] Linear(double[] input, long features, double[] weight, long outFeatures, double[]? bias)
    {
        var rows = input.Length / features;
        var output = new double[rows * outFeatures];
        for (var r = 0L; r < rows; r++)
        for (var o = 0L; o < outFeatures; o++)
        {
            var sum = bias?[o] ?? 0;
            for (var i = 0L; i < features; i++)
            {
                sum += input[(r * features) + i] * weight[(o * features) + i];
            }

            output[(r * outFeatures) + o] = sum;
        }

        return output;
    }

    /// <summary>Max over each k×k window, stepping by stride, with −∞ where the window overhangs the padding.</summary>
    public static (double[] Output, long[] Shape) MaxPool2d(double[] input, long[] inputShape, int kernel, int stride, int padding = 0)
    {
        var (n, c, h, w) = (inputShape[0], inputShape[1], inputShape[2], inputShape[3]);
        var ho = ((h + (2 * padding) - kernel) / stride) + 1;
        var wo = ((w + (2 * padding) - kernel) / stride) + 1;
        var output = new double[n * c * ho * wo];
        for (var plane = 0L; plane < n * c; plane++)
        for (var y = 0L; y < ho; y++)
        for (var x = 0L; x < wo; x++)
        {
            var best = double.NegativeInfinity;
            for (var i = 0L; i < kernel; i++)
            for (var j = 0L; j < kernel; j++)
            {
                var (iy, ix) = ((y * stride) - padding + i, (x * stride) - padding + j);
                if (iy >= 0 && iy < h && ix >= 0 && ix < w)
                {
                    best = Math.Max(best, input[((plane * h) + iy) * w + ix]);
                }
            }

            output[((plane * ho) + y) * wo + x] = best;
        }

        return (output, [n, c, ho, wo]);
    }
}
