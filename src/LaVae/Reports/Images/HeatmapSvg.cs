namespace LaVae.Reports.Images;

/// <summary>
/// A heatmap figure as a standalone SVG document: the same layout as <see cref="HeatmapPng"/>,
/// cells as &lt;rect class="cell"&gt;, every label and cell text as &lt;text&gt;.
/// </summary>
public static class HeatmapSvg
{
    public static string Render(string? title, IReadOnlyList<HeatmapPanel> panels) => Document(title, panels).ToString();

    /// <summary>Writes the figure; the file appears only once complete.</summary>
    public static void Write(string path, string? title, IReadOnlyList<HeatmapPanel> panels) => Document(title, panels).Write(path);

    private static SvgDocument Document(string? title, IReadOnlyList<HeatmapPanel> panels)
    {
        var layout = new HeatmapLayout(title, panels);
        var document = new SvgDocument(layout.Width, layout.Height);
        HeatmapFigure.Draw(document, layout);
        return document;
    }
}
