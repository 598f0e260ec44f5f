using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>
/// Reads a PNG file through Skia's decoder as a gray, RGB or RGBA <see cref="RasterImage"/>, as the
/// file stores it: gray stays gray, an opaque colour image is RGB. A file Skia cannot decode is an
/// <see cref="InvalidDataException"/> whose message starts with the path.
/// </summary>
public static class PngReader
{
    public static RasterImage Read(string path)
    {
        using var codec = SKCodec.Create(path, out SKCodecResult opened);
        if (codec is null || codec.EncodedFormat != SKEncodedImageFormat.Png)
        {
            throw new InvalidDataException($"{path}: not a PNG image Skia can read ({opened}).");
        }

        var info = codec.Info;
        int channels = info.ColorType == SKColorType.Gray8 ? 1 : info.AlphaType == SKAlphaType.Opaque ? 3 : 4;
        var target = new SKImageInfo(info.Width, info.Height, channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888, channels == 4 ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        var decoded = new byte[target.BytesSize];
        var result = codec.GetPixels(target, decoded);
        return result == SKCodecResult.Success
            ? new RasterImage(info.Width, info.Height, channels, channels == 3 ? WithoutAlpha(decoded) : decoded)
            : throw new InvalidDataException($"{path}: Skia cannot decode it ({result}).");
    }

    private static byte[] WithoutAlpha(byte[] rgba)
    {
        var rgb = new byte[rgba.Length / 4 * 3];
        for (int from = 0, to = 0; from < rgba.Length; from += 4, to += 3)
        {
            rgb[to] = rgba[from];
            rgb[to + 1] = rgba[from + 1];
            rgb[to + 2] = rgba[from + 2];
        }

        return rgb;
    }
}
