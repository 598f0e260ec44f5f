namespace LaVae.Reports.Images;

/// <summary>
/// A scatter figure as a standalone SVG document, the same layout as <see cref="ScatterPng"/>: points
/// as &lt;circle class="point"&gt;, legend markers as &lt;circle class="legend"&gt;, axes as &lt;rect&gt; and
/// &lt;line&gt;, every label as &lt;text&gt;.
/// </summary>
public static class ScatterSvg
{
    public static string Render(string? title, IReadOnlyList<ScatterPanel> panels, int columns, int plotSize = ScatterPng.DefaultPlotSize, double markerRadius = ScatterPng.DefaultMarkerRadius) =>
        Document(title, panels, columns, plotSize, markerRadius).ToString();

    /// <summary>Writes the figure; the file appears only once complete.</summary>
    public static void Write(string path, string? title, IReadOnlyList<ScatterPanel> panels, int columns, int plotSize = ScatterPng.DefaultPlotSize, double markerRadius = ScatterPng.DefaultMarkerRadius) =>
        Document(title, panels, columns, plotSize, markerRadius).Write(path);

    private static SvgDocument Document(string? title, IReadOnlyList<ScatterPanel> panels, int columns, int plotSize, double markerRadius)
    {
        var layout = new ScatterLayout(title, panels, columns, plotSize, markerRadius);
        var document = new SvgDocument(layout.Width, layout.Height);
        ScatterFigure.Draw(document, layout);
        return document;
    }
}
