namespace LaVae.Reports.Images;

/// <summary>
/// The one colour scale all panels of a heatmap figure share, from the smallest to the largest
/// finite value over every panel, so equal values look equal across "ours" and "paper".
/// </summary>
internal sealed class HeatmapScale
{
    private HeatmapScale(double min, double max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>NaN when no panel has a finite value.</summary>
    internal double Min { get; }

    internal double Max { get; }

    internal static HeatmapScale Over(IEnumerable<HeatmapPanel> panels)
    {
        double[] values = [.. panels.SelectMany(panel => panel.Cells.Cast<HeatmapCell?>())
            .Where(cell => cell is not null && double.IsFinite(cell.Value)).Select(cell => cell!.Value)];
        return values.Length == 0 ? new HeatmapScale(double.NaN, double.NaN) : new HeatmapScale(values.Min(), values.Max());
    }

    /// <summary>A missing or non-finite cell is gray; when all values are equal they take the palette's middle.</summary>
    internal RgbColour ColourOf(HeatmapCell? cell)
    {
        if (cell is null || !double.IsFinite(cell.Value))
        {
            return HeatmapPalette.Missing;
        }

        double t = Max > Min ? (cell.Value - Min) / (Max - Min) : 0.5;
        return ColourRamp.At(HeatmapPalette.Sequential, t);
    }
}
