namespace LaVae.Reports.Images;

/// <summary>
/// An 8-bit image: <see cref="Channels"/> is 1 (grayscale), 3 (RGB) or 4 (RGBA); the pixels are
/// row-major with the channels of a pixel side by side.
/// </summary>
public sealed class RasterImage
{
    public RasterImage(int width, int height, int channels, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (channels is not (1 or 3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Channels must be 1 (gray), 3 (RGB) or 4 (RGBA).");
        }

        if (pixels.Length != (long)width * height * channels)
        {
            throw new ArgumentException($"{pixels.Length} bytes do not make a {width}x{height} image of {channels} channel(s).", nameof(pixels));
        }

        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    public byte[] Pixels { get; }

    public static RasterImage Gray(int width, int height, byte[] pixels) => new(width, height, 1, pixels);

    public static RasterImage Rgb(int width, int height, byte[] pixels) => new(width, height, 3, pixels);

    /// <summary>The value of one channel of the pixel at column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    public byte this[int x, int y, int channel = 0] => Pixels[(((y * Width) + x) * Channels) + channel];

    /// <summary>Width x height x channels, e.g. "28x28 gray".</summary>
    public string Shape => $"{Width}x{Height} {Channels switch { 1 => "gray", 3 => "RGB", _ => "RGBA" }}";
}
