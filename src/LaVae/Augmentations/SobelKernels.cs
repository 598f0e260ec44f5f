namespace LaVae.Augmentations;

/// <summary>The 1-D factors of OpenCV's Sobel kernels, computed as its getSobelKernels does.</summary>
internal static class SobelKernels
{
    /// <summary>
    /// The kernel of <paramref name="size"/> (odd, 3 to 7) for derivative <paramref name="order"/>
    /// (0: smoothing, 1: first derivative). Size 3 is [1, 2, 1] / [-1, 0, 1]; larger sizes start from
    /// a unit impulse, smooth it by repeated [1, 1] sums (binomial coefficients) and then take
    /// <paramref name="order"/> repeated differences.
    /// </summary>
    public static int[] Coefficients(int size, int order)
    {
        if (size is < 3 or > 7 || size % 2 == 0 || order is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"Sobel kernels come in odd sizes 3 to 7 and orders 0 or 1, not size {size} order {order}");
        }

        if (size == 3)
        {
            return order == 0 ? [1, 2, 1] : [-1, 0, 1];
        }

        var kernel = new int[size];
        kernel[0] = 1;
        for (var pass = 0; pass < size - order - 1; pass++)
        {
            for (var j = size - 1; j >= 1; j--)
            {
                kernel[j] += kernel[j - 1];
            }
        }

        for (var pass = 0; pass < order; pass++)
        {
            for (var j = size - 1; j >= 1; j--)
            {
                kernel[j] = kernel[j - 1] - kernel[j];
            }

            kernel[0] = -kernel[0];
        }

        return kernel;
    }
}
