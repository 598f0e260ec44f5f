using ScottPlot;

namespace LaVae.Reports.Images;

/// <summary>
/// The one colour scale all panels of a heatmap figure share, from the smallest to the largest finite
/// value over every panel, so equal values look equal across "ours" and "paper"; the colour bar reads it.
/// Viridis: sequential, lighter as values grow, readable in gray print and by colour-blind readers.
/// </summary>
internal sealed class HeatmapColourScale : IHasColorAxis
{
    /// <summary>A missing cell: a neutral gray, which viridis never produces.</summary>
    internal static readonly Color Missing = Color.FromHex("#d9d9d9");

    private readonly double min;
    private readonly double max;

    internal HeatmapColourScale(IEnumerable<HeatmapPanel> panels)
    {
        double[] values = [.. panels.SelectMany(panel => panel.Cells.Cast<HeatmapCell?>())
            .Where(cell => cell is not null && double.IsFinite(cell.Value)).Select(cell => cell!.Value)];
        (min, max) = values.Length == 0 ? (double.NaN, double.NaN) : (values.Min(), values.Max());
    }

    /// <summary>False when no panel has a finite value: then there is no colour bar to draw.</summary>
    internal bool HasValues => double.IsFinite(min);

    public IColormap Colormap { get; set; } = new ScottPlot.Colormaps.Viridis();

    /// <summary>Equal values everywhere get a range around them, so they take the palette's middle.</summary>
    public ScottPlot.Range GetRange() => max > min ? new ScottPlot.Range(min, max) : new ScottPlot.Range(min - 1, max + 1);

    internal Color ColourOf(HeatmapCell? cell) =>
        cell is null || !double.IsFinite(cell.Value) ? Missing : Colormap.GetColor(cell.Value, GetRange());

    /// <summary>Black or white, whichever contrasts more with <paramref name="fill"/> (WCAG contrast ratio).</summary>
    internal static Color TextOn(Color fill)
    {
        double luminance = (0.2126 * Linear(fill.R)) + (0.7152 * Linear(fill.G)) + (0.0722 * Linear(fill.B));
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? Colors.Black : Colors.White;
    }

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
