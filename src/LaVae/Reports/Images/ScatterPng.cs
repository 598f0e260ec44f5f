namespace LaVae.Reports.Images;

/// <summary>
/// A scatter figure as an RGB image, the same layout as <see cref="ScatterSvg"/>. Rasterised by
/// LaVae's own <see cref="Canvas"/>, without anti-aliasing: a point is a disc of every pixel whose
/// centre lies within the marker radius of the point's exact (fractional) position; axes and ticks are
/// 1-pixel Bresenham lines; text is <see cref="BitmapFont"/>. Series are painted in order, so where
/// clouds overlap the later series' colour shows.
/// </summary>
public static class ScatterPng
{
    public const int DefaultPlotSize = 220;
    public const double DefaultMarkerRadius = 2.0;

    public static RasterImage Render(string? title, IReadOnlyList<ScatterPanel> panels, int columns, int plotSize = DefaultPlotSize, double markerRadius = DefaultMarkerRadius)
    {
        var layout = new ScatterLayout(title, panels, columns, plotSize, markerRadius);
        var canvas = new Canvas(layout.Width, layout.Height, RgbColour.White);
        ScatterFigure.Draw(canvas, layout);
        return canvas.ToImage();
    }
}
