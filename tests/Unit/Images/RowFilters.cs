namespace LaVae.Tests.Unit.Images;

/// <summary>
/// The five PNG row filters in the encoding direction (PNG specification, section 6), so the
/// reader's decoding can be checked against PNGs that use each of them.
/// </summary>
internal static class RowFilters
{
    /// <summary>The image data before compression: each row as its filter byte and its filtered bytes.</summary>
    public static byte[] Filter(byte[] pixels, int width, int height, int bytesPerPixel, Func<int, byte> filterOfRow)
    {
        int stride = width * bytesPerPixel;
        var output = new List<byte>();
        for (int y = 0; y < height; y++)
        {
            byte filter = filterOfRow(y);
            output.Add(filter);
            for (int i = 0; i < stride; i++)
            {
                int x = pixels[(y * stride) + i];
                int a = i >= bytesPerPixel ? pixels[(y * stride) + i - bytesPerPixel] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int c = i >= bytesPerPixel && y > 0 ? pixels[((y - 1) * stride) + i - bytesPerPixel] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) >> 1,
                    4 => Paeth(a, b, c),
                    _ => throw new ArgumentOutOfRangeException(nameof(filterOfRow)),
                };
                output.Add((byte)(x - predictor));
            }
        }

        return [.. output];
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc)
        {
            return a;
        }

        return pb <= pc ? b : c;
    }
}
