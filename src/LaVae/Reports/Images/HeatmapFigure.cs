using ScottPlot;
using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>
/// A heatmap figure (the paper's Fig. 7 / Fig. 18): panels side by side on one shared colour scale,
/// each cell a rectangle with its value written in it, rows labelled once on the left (every panel
/// has the same rows), columns labelled under each panel (pairs wrapped at their comma), and one
/// colour bar with ticks. Cells are rectangles, not ScottPlot's heatmap, which blurs in SVG.
/// </summary>
public sealed class HeatmapFigure : IFigure
{
    private const int CellWidth = 112;
    private const int CellHeight = 46;
    private const double PanelGap = 0.35;
    private const string MissingText = "—";

    private readonly string? title;
    private readonly IReadOnlyList<HeatmapPanel> panels;
    private readonly HeatmapColourScale scale;

    /// <summary>Fails with the panel's name when its cells do not match its labels, or its rows differ from the first panel's.</summary>
    public HeatmapFigure(string? title, IReadOnlyList<HeatmapPanel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
        {
            throw new ArgumentException("A heatmap needs at least one panel.", nameof(panels));
        }

        foreach (var panel in panels)
        {
            if (panel.Cells.GetLength(0) != panel.RowLabels.Count || panel.Cells.GetLength(1) != panel.ColumnLabels.Count)
            {
                throw new ArgumentException(
                    $"Panel '{panel.Title}' has {panel.Cells.GetLength(0)}x{panel.Cells.GetLength(1)} cells for {panel.RowLabels.Count} row and {panel.ColumnLabels.Count} column label(s).",
                    nameof(panels));
            }

            if (!panel.RowLabels.SequenceEqual(panels[0].RowLabels))
            {
                throw new ArgumentException($"Panel '{panel.Title}' has other rows than panel '{panels[0].Title}'; panels side by side share their rows.", nameof(panels));
            }
        }

        this.title = title;
        this.panels = panels;
        scale = new HeatmapColourScale(panels);
    }

    private int Rows => panels[0].RowLabels.Count;

    private int LabelLines => panels.SelectMany(panel => panel.ColumnLabels).Max(label => LabelText.WrapAtCommas(label).Split('\n').Length);

    private int RowLabelsWidth
    {
        get
        {
            using var font = FigureFont.Font(PlotStyle.TextSize - 1);
            return (int)Math.Ceiling(panels[0].RowLabels.Max(label => font.MeasureText(label)));
        }
    }

    // The cells at about CellWidth x CellHeight pixels: room left for the axis title and the row labels, right for the colour bar.
    public int Width => 60 + RowLabelsWidth + (int)((panels.Sum(panel => panel.ColumnLabels.Count) + (PanelGap * (panels.Count - 1))) * CellWidth) + 120;

    // Above the cells the title and the panel titles; below, the column labels' lines and the axis title.
    public int Height => (string.IsNullOrEmpty(title) ? 20 : 50) + 40 + (Rows * CellHeight) + (LabelLines * 17) + 50;

    public void Draw(SKCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var plot = PlotStyle.New();
        if (!string.IsNullOrEmpty(title))
        {
            plot.Title(title);
        }

        var bottomTicks = new List<(double Position, string Label)>();
        double left = 0;
        foreach (var panel in panels)
        {
            DrawPanel(plot, panel, left);
            bottomTicks.AddRange(panel.ColumnLabels.Select((label, c) => (left + c + 0.5, LabelText.WrapAtCommas(label))));
            left += panel.ColumnLabels.Count + PanelGap;
        }

        double right = left - PanelGap;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, Rows).Select(RowCentre)], [.. panels[0].RowLabels]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. bottomTicks.Select(tick => tick.Position)], [.. bottomTicks.Select(tick => tick.Label)]);
        plot.Axes.Left.Label.Text = panels[0].RowAxisTitle;
        plot.Axes.Bottom.Label.Text = panels[0].ColumnAxisTitle;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.FrameLineStyle.Width = 0;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }

        if (scale.HasValues)
        {
            plot.Add.ColorBar(scale);
        }

        // Room above the cells for the panel titles.
        plot.Axes.SetLimits(-0.02, right + 0.02, -0.02, Rows + 0.6);
        PlotStyle.RenderAt(plot, canvas, 0, 0, Width, Height);
    }

    /// <summary>Row 0 is the top row.</summary>
    private double RowCentre(int row) => Rows - row - 0.5;

    private void DrawPanel(Plot plot, HeatmapPanel panel, double left)
    {
        var heading = plot.Add.Text(panel.Title, left + (panel.ColumnLabels.Count / 2.0), Rows + 0.12);
        heading.LabelFontSize = PlotStyle.TextSize + 1;
        PlotStyle.Embolden(heading.LabelStyle);
        heading.LabelFontColor = PlotStyle.Ink;
        heading.LabelAlignment = Alignment.LowerCenter;
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < panel.ColumnLabels.Count; c++)
            {
                HeatmapCell? cell = panel.Cells[r, c];
                var fill = scale.ColourOf(cell);
                var rectangle = plot.Add.Rectangle(left + c, left + c + 1, RowCentre(r) - 0.5, RowCentre(r) + 0.5);
                rectangle.FillColor = fill;
                rectangle.LineColor = Colors.White;
                rectangle.LineWidth = 2;
                var text = plot.Add.Text(cell?.Text ?? MissingText, left + c + 0.5, RowCentre(r));
                text.LabelFontSize = PlotStyle.TextSize;
                text.LabelFontColor = HeatmapColourScale.TextOn(fill);
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }
    }
}
