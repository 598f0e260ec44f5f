using ScottPlot;
using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>One line of a <see cref="CurvePanel"/>: its legend label, colour and points in order of x; dashed for a reference value, with markers where each point is a measurement.</summary>
public sealed record CurveSeries(string Label, RgbColour Colour, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false, bool Markers = false);

/// <summary>One panel of a <see cref="CurveFigure"/>: a title, axis labels, its lines and, where given, the x ticks to label.</summary>
public sealed record CurvePanel(string Title, string XLabel, string YLabel, IReadOnlyList<CurveSeries> Series, IReadOnlyList<(double X, string Label)>? XTicks = null);

/// <summary>
/// Line panels in a grid of <c>columns</c> columns under one title and one legend (every distinct
/// label and colour of the panels' lines); each panel a ScottPlot plot with its title, axis labels and ticks.
/// </summary>
public sealed class CurveFigure : IFigure
{
    private const int PanelWidth = 320;
    private const int PanelHeight = 260;
    private const int Margin = 12;
    private const int TitleHeight = 36;
    private const int LegendRowHeight = 20;
    private const float LineWidth = 1.5f;

    private readonly string title;
    private readonly IReadOnlyList<CurvePanel> panels;
    private readonly int columns;
    private readonly IReadOnlyList<(string Label, RgbColour Colour, bool Dashed)> legend;
    private readonly float legendCell;

    public CurveFigure(string title, IReadOnlyList<CurvePanel> panels, int columns)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (panels.Count == 0)
        {
            throw new ArgumentException("A curve figure needs at least one panel.", nameof(panels));
        }

        this.title = title;
        this.panels = panels;
        this.columns = Math.Min(columns, panels.Count);
        legend = panels.SelectMany(panel => panel.Series).Select(series => (series.Label, series.Colour, series.Dashed)).Distinct().ToList();
        // A cell holds the longest label, so long labels (a declared augmentation's definition) take more rows, not each other's room.
        FigureFont.EnsureRegistered();
        using var font = FigureFont.Font(PlotStyle.TextSize - 1);
        legendCell = Math.Max(260, legend.Select(entry => font.MeasureText(entry.Label)).DefaultIfEmpty(0).Max() + 40);
    }

    public int Width => (2 * Margin) + (columns * PanelWidth);

    public int Height => HeaderHeight + (((panels.Count + columns - 1) / columns) * PanelHeight) + Margin;

    private int LegendColumns => Math.Max(1, (int)((Width - (2 * Margin)) / legendCell));

    private int HeaderHeight => TitleHeight + (((legend.Count + LegendColumns - 1) / LegendColumns) * LegendRowHeight) + 8;

    public void Draw(SKCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        FigureFont.EnsureRegistered();
        using var ink = new SKPaint { Color = new SKColor(PlotStyle.Ink.R, PlotStyle.Ink.G, PlotStyle.Ink.B), IsAntialias = true };
        PlotStyle.DrawTitle(canvas, title, Width, Margin);
        DrawLegend(canvas, ink);
        PlotStyle.RenderGrid(canvas, [.. panels.Select(Panel)], columns, Margin, HeaderHeight, PanelWidth, PanelHeight);
    }

    private static Plot Panel(CurvePanel panel)
    {
        var plot = PlotStyle.NewPanel(panel.Title, panel.XLabel, panel.YLabel);
        foreach (var series in panel.Series)
        {
            var line = plot.Add.ScatterLine(series.Points.Select(point => point.X).ToArray(), series.Points.Select(point => point.Y).ToArray(), PlotStyle.Of(series.Colour));
            line.LineWidth = LineWidth;
            line.MarkerSize = series.Markers || series.Points.Count == 1 ? 6 : 0; // a one-epoch stage is a point, not an invisible line
            if (series.Dashed)
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }

        if (panel.XTicks is { } ticks)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks.Select(t => t.X)], [.. ticks.Select(t => t.Label)]);
        }

        return plot;
    }

    /// <summary>Rows under the title: a short line in each series' colour and its label.</summary>
    private void DrawLegend(SKCanvas canvas, SKPaint ink)
    {
        using var font = FigureFont.Font(PlotStyle.TextSize - 1);
        var cell = (Width - (2 * Margin)) / (float)LegendColumns;
        for (int s = 0; s < legend.Count; s++)
        {
            float x = Margin + ((s % LegendColumns) * cell), y = TitleHeight + ((s / LegendColumns) * LegendRowHeight) + 14;
            var (label, colour, dashed) = legend[s];
            using var dashes = dashed ? SKPathEffect.CreateDash([5, 3], 0) : null;
            using var stroke = new SKPaint { Color = new SKColor(colour.R, colour.G, colour.B), IsAntialias = true, StrokeWidth = 3, PathEffect = dashes };
            canvas.DrawLine(x + 4, y - 4.5f, x + 22, y - 4.5f, stroke);
            canvas.DrawText(label, x + 28, y, SKTextAlign.Left, font, ink);
        }
    }
}
