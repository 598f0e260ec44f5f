namespace LaVae.Reports.Images;

/// <summary>
/// A heatmap figure (e.g. the paper's Fig. 7 / Fig. 18) as an RGB image: panels side by side on
/// one shared colour scale, each cell's text written in it, rows and columns labelled, a colour bar.
/// Same layout as <see cref="HeatmapSvg"/>.
/// </summary>
public static class HeatmapPng
{
    public static RasterImage Render(string? title, IReadOnlyList<HeatmapPanel> panels)
    {
        var layout = new HeatmapLayout(title, panels);
        var canvas = new Canvas(layout.Width, layout.Height, RgbColour.White);
        HeatmapFigure.Draw(canvas, layout);
        return canvas.ToImage();
    }
}
