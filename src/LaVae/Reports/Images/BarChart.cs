using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>One bar: its height (the mean) and the spread drawn over it (min and max over seeds; equal to the mean for one seed).</summary>
public sealed record Bar(double Mean, double Min, double Max);

/// <summary>
/// A grouped bar chart on a 0..<see cref="YMax"/> axis: one group of bars per x label (one bar per
/// series, in the series' colour), a whisker from min to max on each bar, its mean written above it,
/// and a legend naming the series.
/// </summary>
/// <param name="Groups">Group label → one bar per series, in <paramref name="Series"/>' order.</param>
public sealed record BarChart(string Title, string YLabel, IReadOnlyList<string> Series, IReadOnlyList<(string Label, IReadOnlyList<Bar> Bars)> Groups, double YMax = 1.0)
    : IFigure
{
    private const double BarWidth = 0.8;
    private const double WhiskerCap = 0.15;

    /// <summary>The colour-blind-safe Tableau 10's first colours.</summary>
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"];

    public int Width => Math.Max(640, 140 + (Groups.Count * ((Series.Count * 70) + 50)));

    public int Height => 560;

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static Color Colour(int index) => Color.FromHex(Palette[index % Palette.Length]);

    public void Draw(SKCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var plot = PlotStyle.New();
        PlotStyle.OpenFrame(plot);
        plot.Title(Title);
        plot.YLabel(YLabel);
        int pitch = Series.Count + 1;
        for (int g = 0; g < Groups.Count; g++)
        {
            for (int s = 0; s < Groups[g].Bars.Count; s++)
            {
                DrawBar(plot, (g * pitch) + s, Groups[g].Bars[s], Colour(s));
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Groups.Select((_, g) => (g * pitch) + ((Series.Count - 1) / 2.0))], [.. Groups.Select(group => group.Label)]);
        foreach (var (name, s) in Series.Select((name, s) => (name, s)))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = Colour(s) });
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, 11).Select(t => YMax * t / 10)], [.. Enumerable.Range(0, 11).Select(t => (YMax * t / 10).ToString("0.0#", CultureInfo.InvariantCulture))]);
        // Headroom above the axis's last tick for the value written over a full bar.
        plot.Axes.SetLimits(-0.8, ((Groups.Count - 1) * pitch) + Series.Count - 0.2, 0, YMax * 1.08);
        PlotStyle.RenderAt(plot, canvas, 0, 0, Width, Height);
    }

    private static void DrawBar(Plot plot, double position, Bar bar, Color colour)
    {
        var drawn = plot.Add.Bar(position, bar.Mean);
        drawn.Bars[0].FillColor = colour;
        drawn.Bars[0].LineWidth = 0;
        drawn.Bars[0].Size = BarWidth;
        foreach (var (x1, y1, x2, y2) in new[]
        {
            (position, bar.Min, position, bar.Max),
            (position - WhiskerCap, bar.Min, position + WhiskerCap, bar.Min),
            (position - WhiskerCap, bar.Max, position + WhiskerCap, bar.Max),
        })
        {
            var line = plot.Add.Line(x1, y1, x2, y2);
            line.LineColor = PlotStyle.Ink;
            line.LineWidth = 1.5f;
        }

        var value = plot.Add.Text(bar.Mean.ToString("0.000", CultureInfo.InvariantCulture), position, bar.Max);
        value.LabelFontSize = PlotStyle.TextSize - 1;
        value.LabelFontColor = PlotStyle.Ink;
        value.LabelAlignment = Alignment.LowerCenter;
        value.LabelOffsetY = -3;
    }
}
