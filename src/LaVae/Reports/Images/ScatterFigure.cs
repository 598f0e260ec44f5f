using ScottPlot;
using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>
/// Scatter panels in a grid of <c>columns</c> columns under one title and one legend (the first panel's
/// series); each panel a ScottPlot plot with its title, axis labels and ticks. Series are drawn in order,
/// so where clouds overlap the later series shows.
/// </summary>
public sealed class ScatterFigure : IFigure
{
    private const int PanelSize = 300;
    private const int Margin = 12;
    private const int HeaderHeight = 72;
    private const float MarkerSize = 4;

    private readonly string? title;
    private readonly IReadOnlyList<ScatterPanel> panels;
    private readonly int columns;

    public ScatterFigure(string? title, IReadOnlyList<ScatterPanel> panels, int columns)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (panels.Count == 0)
        {
            throw new ArgumentException("A scatter figure needs at least one panel.", nameof(panels));
        }

        this.title = title;
        this.panels = panels;
        this.columns = Math.Min(columns, panels.Count);
    }

    public int Width => (2 * Margin) + (columns * PanelSize);

    public int Height => HeaderHeight + (((panels.Count + columns - 1) / columns) * PanelSize) + Margin;

    public void Draw(SKCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        FigureFont.EnsureRegistered();
        using var ink = new SKPaint { Color = new SKColor(PlotStyle.Ink.R, PlotStyle.Ink.G, PlotStyle.Ink.B), IsAntialias = true };
        if (!string.IsNullOrEmpty(title))
        {
            PlotStyle.DrawTitle(canvas, title, Width, Margin);
        }

        DrawLegend(canvas, ink);
        PlotStyle.RenderGrid(canvas, [.. panels.Select(Panel)], columns, Margin, HeaderHeight, PanelSize, PanelSize);
    }

    private static Plot Panel(ScatterPanel panel)
    {
        var plot = PlotStyle.NewPanel(panel.Title, panel.XLabel, panel.YLabel);
        foreach (var series in panel.Series)
        {
            var points = plot.Add.ScatterPoints(
                series.Points.Select(point => point.X).ToArray(), series.Points.Select(point => point.Y).ToArray(), PlotStyle.Of(series.Colour));
            points.MarkerSize = MarkerSize;
            points.MarkerShape = MarkerShape.FilledCircle;
        }

        return plot;
    }

    /// <summary>One row under the title: a disc in each series' colour and its label.</summary>
    private void DrawLegend(SKCanvas canvas, SKPaint ink)
    {
        using var font = FigureFont.Font(PlotStyle.TextSize);
        var series = panels[0].Series;
        float[] widths = [.. series.Select(s => 18 + font.MeasureText(s.Label) + 24)];
        float x = (Width - widths.Sum()) / 2, y = HeaderHeight - 16;
        for (int s = 0; s < series.Count; s++)
        {
            using var disc = new SKPaint { Color = new SKColor(series[s].Colour.R, series[s].Colour.G, series[s].Colour.B), IsAntialias = true };
            canvas.DrawCircle(x + 5, y - 4.5f, 5, disc);
            canvas.DrawText(series[s].Label, x + 16, y, SKTextAlign.Left, font, ink);
            x += widths[s];
        }
    }
}
