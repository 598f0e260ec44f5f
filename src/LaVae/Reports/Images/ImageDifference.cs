namespace LaVae.Reports.Images;

/// <summary>How two images of the same shape differ, and a gray picture of where.</summary>
internal sealed record ImageDifference(double MeanAbsolute, double FractionAboveThreshold, int Largest, RasterImage Picture)
{
    /// <summary>
    /// The picture shows each pixel's largest channel difference, scaled so the largest difference
    /// in the image is white: small differences stay visible.
    /// </summary>
    public static ImageDifference Between(RasterImage received, RasterImage verified, int threshold)
    {
        int pixelCount = received.Width * received.Height, channels = received.Channels;
        var perPixel = new int[pixelCount];
        long sum = 0;
        int above = 0, largest = 0;
        for (int p = 0; p < pixelCount; p++)
        {
            for (int c = 0; c < channels; c++)
            {
                int i = (p * channels) + c;
                int difference = Math.Abs(received.Pixels[i] - verified.Pixels[i]);
                sum += difference;
                perPixel[p] = Math.Max(perPixel[p], difference);
            }

            above += perPixel[p] > threshold ? 1 : 0;
            largest = Math.Max(largest, perPixel[p]);
        }

        var picture = new byte[pixelCount];
        for (int p = 0; p < pixelCount; p++)
        {
            picture[p] = largest == 0 ? (byte)0 : (byte)(perPixel[p] * 255 / largest);
        }

        return new ImageDifference(
            (double)sum / received.Pixels.Length, (double)above / pixelCount, largest, RasterImage.Gray(received.Width, received.Height, picture));
    }
}
