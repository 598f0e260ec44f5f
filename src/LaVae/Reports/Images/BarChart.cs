using System.Globalization;

namespace LaVae.Reports.Images;

/// <summary>One bar: its height (the mean) and the spread drawn over it (min and max over seeds; equal to the mean for one seed).</summary>
public sealed record Bar(double Mean, double Min, double Max);

/// <summary>
/// A grouped bar chart on a 0..<see cref="YMax"/> axis, drawn on either figure surface so the PNG and
/// the SVG share one layout: a title, a y axis with labelled ticks, one group of bars per x label (one
/// bar per series, in the series' colour), a whisker from min to max on each bar, its mean written
/// above it, and a legend naming the series.
/// </summary>
/// <param name="Groups">Group label → one bar per series, in <paramref name="Series"/>' order.</param>
public sealed record BarChart(string Title, string YLabel, IReadOnlyList<string> Series, IReadOnlyList<(string Label, IReadOnlyList<Bar> Bars)> Groups, double YMax = 1.0)
{
    private const int Scale = 2;
    private const int PlotHeight = 320;
    private const int BarWidth = 36;
    private const int BarGap = 6;
    private const int GroupGap = 40;
    private const int Left = 90;
    private const int Top = 60;
    private const int Ticks = 5;

    private static readonly RgbColour Ink = RgbColour.Gray(20);
    private static readonly RgbColour Rule = RgbColour.Gray(200);
    private static readonly RgbColour[] Palette = [new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40)];

    private int GroupWidth => (Series.Count * BarWidth) + ((Series.Count - 1) * BarGap);

    // Groups stand far enough apart that their labels do not touch.
    private int Pitch => Math.Max(GroupWidth + GroupGap, Groups.Select(group => BitmapFont.Measure(group.Label).Width + 16).DefaultIfEmpty(0).Max());

    private int PlotRight => Left + (Groups.Count * Pitch) + (GroupGap / 2);

    /// <summary>Wide enough for the plot, the title and the legend.</summary>
    public int Width => Math.Max(PlotRight + GroupGap, Math.Max(BitmapFont.Measure(Title, Scale).Width, LegendWidth + Left) + 24);

    private int LegendWidth => Series.Sum(series => 30 + BitmapFont.Measure(series).Width);

    public int Height => Top + PlotHeight + 90;

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static RgbColour Colour(int index) => Palette[index % Palette.Length];

    /// <summary>The pixel row of value <paramref name="value"/> on the y axis (clamped to the plot).</summary>
    public int YOf(double value) => Top + PlotHeight - (int)Math.Round(Math.Clamp(value / YMax, 0, 1) * PlotHeight);

    /// <summary>The left pixel column of bar <paramref name="series"/> of group <paramref name="group"/>.</summary>
    public int XOf(int group, int series) => Left + (Pitch / 2) - (GroupWidth / 2) + (group * Pitch) + (series * (BarWidth + BarGap));

    public RasterImage RenderPng()
    {
        var canvas = new Canvas(Width, Height, RgbColour.White);
        Draw(canvas);
        return canvas.ToImage();
    }

    public SvgDocument RenderSvg()
    {
        var document = new SvgDocument(Width, Height);
        Draw(document);
        return document;
    }

    internal void Draw(IFigureSurface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        surface.Text(Width / 2, 12, Title, Ink, Scale, TextAlign.Center, TextAlign.Start);
        for (var t = 0; t <= Ticks; t++)
        {
            var value = YMax * t / Ticks;
            var y = YOf(value);
            surface.Rect(Left, y, PlotRight - Left, 1, Rule);
            surface.Text(Left - 6, y, value.ToString("0.0", CultureInfo.InvariantCulture), Ink, 1, TextAlign.End, TextAlign.Center);
        }

        surface.Rect(Left, Top, 1, PlotHeight + 1, Ink, "axis");
        surface.Rect(Left, Top + PlotHeight, PlotRight - Left, 1, Ink, "axis");
        surface.Text(12, Top - 20, YLabel, Ink, 1, TextAlign.Start, TextAlign.Start);
        for (var g = 0; g < Groups.Count; g++)
        {
            var (label, bars) = Groups[g];
            for (var s = 0; s < bars.Count; s++)
            {
                var bar = bars[s];
                var (x, y) = (XOf(g, s), YOf(bar.Mean));
                surface.Rect(x, y, BarWidth, Top + PlotHeight - y, Colour(s), "bar");
                var (low, high) = (YOf(bar.Min), YOf(bar.Max));
                surface.Rect(x + (BarWidth / 2), high, 1, Math.Max(1, low - high), Ink, "spread");
                surface.Rect(x + (BarWidth / 2) - 4, high, 9, 1, Ink, "spread");
                surface.Rect(x + (BarWidth / 2) - 4, low, 9, 1, Ink, "spread");
                surface.Text(x + (BarWidth / 2), high - 4, bar.Mean.ToString("0.000", CultureInfo.InvariantCulture), Ink, 1, TextAlign.Center, TextAlign.End);
            }

            surface.Text(XOf(g, 0) + (GroupWidth / 2), Top + PlotHeight + 8, label, Ink, 1, TextAlign.Center, TextAlign.Start);
        }

        var legendY = Top + PlotHeight + 40;
        var legendX = Left;
        for (var s = 0; s < Series.Count; s++)
        {
            surface.Rect(legendX, legendY, 12, 12, Colour(s), "legend");
            surface.Text(legendX + 18, legendY + 6, Series[s], Ink, 1, TextAlign.Start, TextAlign.Center);
            legendX += 30 + BitmapFont.Measure(Series[s]).Width;
        }
    }
}
