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
}
