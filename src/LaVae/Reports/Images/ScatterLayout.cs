namespace LaVae.Reports.Images;

/// <summary>
/// Where everything of a scatter figure goes, in pixels: the title; one legend row below it (a
/// marker and the label of each series); then the panels in a grid of <c>columns</c>, each a square
/// plot area framed as axes, ticks and their labels below and left of it, the x label under the
/// ticks and the y label above the plot's top-left corner, the panel title above that. Each axis spans
/// its panel's data range padded by <see cref="Padding"/> of it on both sides.
/// </summary>
internal sealed class ScatterLayout
{
    internal const int Margin = 10;
    internal const int Gap = 6;
    internal const int TickLength = 4;
    internal const int TitleScale = 2;
    internal const int TextScale = 1;
    internal const int PanelGap = 24;
    internal const int LegendMarkerRadius = 4;
    internal const double Padding = 0.05;

    internal ScatterLayout(string? title, IReadOnlyList<ScatterPanel> panels, int columns, int plotSize, double markerRadius)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0 || panels.Any(panel => panel.Series.Count == 0))
        {
            throw new ArgumentException("a scatter figure needs at least one panel, each with at least one series", nameof(panels));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(plotSize, 40);
        Title = title;
        Panels = panels;
        Columns = Math.Min(columns, panels.Count);
        Rows = (panels.Count + Columns - 1) / Columns;
        PlotSize = plotSize;
        MarkerRadius = markerRadius;
        XRanges = [.. panels.Select(panel => Range(panel.Series.SelectMany(s => s.Points).Select(p => p.X)))];
        YRanges = [.. panels.Select(panel => Range(panel.Series.SelectMany(s => s.Points).Select(p => p.Y)))];
        XTicks = [.. XRanges.Select(r => AxisTicks.For(r.Min, r.Max))];
        YTicks = [.. YRanges.Select(r => AxisTicks.For(r.Min, r.Max))];

        int lineHeight = BitmapFont.Measure("X", TextScale).Height;
        int yTickLabels = YTicks.SelectMany(t => t.Labels).Max(label => BitmapFont.Measure(label, TextScale).Width);
        LeftGutter = yTickLabels + TickLength + Gap;
        PanelHeaderHeight = lineHeight + Gap + lineHeight + Gap; // panel title, then the y label
        BottomGutter = TickLength + Gap + lineHeight + Gap + lineHeight;
        PanelWidth = LeftGutter + PlotSize;
        PanelHeight = PanelHeaderHeight + PlotSize + BottomGutter;

        int y = Margin;
        TitleTop = y;
        if (!string.IsNullOrEmpty(title))
        {
            y += BitmapFont.Measure(title, TitleScale).Height + Gap;
        }

        LegendTop = y;
        LegendLabels = [.. panels[0].Series.Select(s => s.Label)];
        LegendColours = [.. panels[0].Series.Select(s => s.Colour)];
        y += Math.Max(lineHeight, 2 * LegendMarkerRadius) + Gap + Gap;
        GridTop = y;

        int gridWidth = (Columns * PanelWidth) + ((Columns - 1) * PanelGap);
        int legendWidth = LegendLabels.Sum(label => LegendEntryWidth(label));
        int titleWidth = string.IsNullOrEmpty(title) ? 0 : BitmapFont.Measure(title, TitleScale).Width;
        Width = (2 * Margin) + Math.Max(gridWidth, Math.Max(legendWidth, titleWidth));
        Height = GridTop + (Rows * PanelHeight) + ((Rows - 1) * PanelGap) + Margin;
    }

    internal string? Title { get; }

    internal IReadOnlyList<ScatterPanel> Panels { get; }

    internal int Columns { get; }

    internal int Rows { get; }

    internal int PlotSize { get; }

    internal double MarkerRadius { get; }

    internal (double Min, double Max)[] XRanges { get; }

    internal (double Min, double Max)[] YRanges { get; }

    internal AxisTicks[] XTicks { get; }

    internal AxisTicks[] YTicks { get; }

    internal int LeftGutter { get; }

    internal int PanelHeaderHeight { get; }

    internal int BottomGutter { get; }

    internal int PanelWidth { get; }

    internal int PanelHeight { get; }

    internal int TitleTop { get; }

    internal int LegendTop { get; }

    internal string[] LegendLabels { get; }

    internal RgbColour[] LegendColours { get; }

    internal int GridTop { get; }

    internal int Width { get; }

    internal int Height { get; }

    /// <summary>The left edge of panel <paramref name="p"/>'s plot area.</summary>
    internal int PlotLeft(int p) => Margin + ((p % Columns) * (PanelWidth + PanelGap)) + LeftGutter;

    /// <summary>The top edge of panel <paramref name="p"/>'s plot area.</summary>
    internal int PlotTop(int p) => GridTop + ((p / Columns) * (PanelHeight + PanelGap)) + PanelHeaderHeight;

    /// <summary>Where a data point of panel <paramref name="p"/> lands, in pixels (y grows downwards).</summary>
    internal (double X, double Y) PixelOf(int p, double x, double y)
    {
        var (xMin, xMax) = XRanges[p];
        var (yMin, yMax) = YRanges[p];
        return (PlotLeft(p) + ((x - xMin) / (xMax - xMin) * PlotSize), PlotTop(p) + PlotSize - ((y - yMin) / (yMax - yMin) * PlotSize));
    }

    /// <summary>The left edge of legend entry <paramref name="i"/>: its marker's left, then a gap, then the label.</summary>
    internal int LegendLeft(int i) => Margin + LegendLabels.Take(i).Sum(label => LegendEntryWidth(label));

    private static int LegendEntryWidth(string label) => (2 * LegendMarkerRadius) + Gap + BitmapFont.Measure(label, TextScale).Width + (3 * Gap);

    /// <summary>The data range padded on both sides; a single value gets a unit-wide range around it.</summary>
    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return (0, 1);
        }

        double min = finite.Min(), max = finite.Max();
        if (max - min <= Math.Max(Math.Abs(max), Math.Abs(min)) * 1e-12)
        {
            return (min - 0.5, max + 0.5);
        }

        double pad = (max - min) * Padding;
        return (min - pad, max + pad);
    }
}
