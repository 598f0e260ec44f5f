using LaVae.IO;
using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>Writes a <see cref="RasterImage"/> as a PNG file of the same channels (gray, RGB or RGBA), through Skia's encoder.</summary>
public static class PngWriter
{
    /// <summary>The file appears only once complete.</summary>
    public static void Write(string path, RasterImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var bitmap = ToBitmap(image);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"Skia could not encode a {image.Shape} image as PNG.");
        AtomicFile.Write(path, data.SaveTo);
    }

    /// <summary>RGB becomes opaque RGBA in memory, which Skia's encoder writes back as an RGB PNG.</summary>
    private static SKBitmap ToBitmap(RasterImage image)
    {
        var (colorType, alphaType) = image.Channels switch
        {
            1 => (SKColorType.Gray8, SKAlphaType.Opaque),
            3 => (SKColorType.Rgba8888, SKAlphaType.Opaque),
            _ => (SKColorType.Rgba8888, SKAlphaType.Unpremul),
        };
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, colorType, alphaType));
        byte[] pixels = image.Channels == 3 ? WithOpaqueAlpha(image.Pixels) : image.Pixels;
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    private static byte[] WithOpaqueAlpha(byte[] rgb)
    {
        var rgba = new byte[rgb.Length / 3 * 4];
        for (int from = 0, to = 0; from < rgb.Length; from += 3, to += 4)
        {
            rgba[to] = rgb[from];
            rgba[to + 1] = rgb[from + 1];
            rgba[to + 2] = rgb[from + 2];
            rgba[to + 3] = 255;
        }

        return rgba;
    }
}
