using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

/// <summary>Finds what a figure drew, so tests can check positions without repeating the layout code.</summary>
internal static class InkPixels
{
    /// <summary>Pixel (x, y) of an RGB image.</summary>
    public static RgbColour At(RasterImage image, int x, int y) => new(image[x, y, 0], image[x, y, 1], image[x, y, 2]);

    /// <summary>The pixels inside a rectangle that are not <paramref name="background"/>.</summary>
    public static IEnumerable<(int X, int Y)> Inside(RasterImage image, int left, int top, int width, int height, RgbColour background) =>
        from y in Enumerable.Range(top, height)
        from x in Enumerable.Range(left, width)
        where At(image, x, y) != background
        select (x, y);

    /// <summary>The smallest box holding every pixel that is not <paramref name="background"/>: (left, top, right, bottom), right and bottom exclusive.</summary>
    public static (int Left, int Top, int Right, int Bottom) Bounds(RasterImage image, RgbColour background)
    {
        var ink = Inside(image, 0, 0, image.Width, image.Height, background).ToList();
        ink.Should().NotBeEmpty(because: "something must have been drawn");
        return (ink.Min(p => p.X), ink.Min(p => p.Y), ink.Max(p => p.X) + 1, ink.Max(p => p.Y) + 1);
    }

    /// <summary>The image as rows of '#' (not background) and '.', for comparing with a glyph's picture.</summary>
    public static string[] Picture(RasterImage image, RgbColour background) =>
        [.. Enumerable.Range(0, image.Height).Select(y => new string([.. Enumerable.Range(0, image.Width).Select(x => At(image, x, y) == background ? '.' : '#')]))];
}
