namespace LaVae.Reports.Images;

/// <summary>
/// Where everything of a heatmap figure goes, in pixels: the title on top; the panels side by side,
/// each with its title, the column axis title, the column labels (wrapped at commas), the row axis
/// title in the corner left of those, the row labels left of the cells; the colour bar on the right.
/// All panels share the cell size and header rows, so cells line up across panels.
/// </summary>
internal sealed class HeatmapLayout
{
    internal const int Margin = 16;
    internal const int TextScale = 2;
    internal const int TitleScale = 3;
    internal const int CellPadding = 10;
    internal const int CellGap = 2;
    internal const int LabelGap = 8;
    internal const int PanelGap = 48;
    internal const int BarGap = 32;
    internal const int BarWidth = 20;

    private readonly int[] panelLefts;

    /// <summary>Fails with the panel's name when its cells do not match its labels.</summary>
    internal HeatmapLayout(string? title, IReadOnlyList<HeatmapPanel> panels)
    {
        Validate(panels);
        Title = title;
        Panels = panels;
        Scale = HeatmapScale.Over(panels);
        int textHeight = BitmapFont.Measure("X", TextScale).Height;
        CellHeight = textHeight + (2 * CellPadding);
        CellWidth = Math.Max(CellHeight, panels.Max(WidestCellContent) + (2 * CellPadding));
        RowHeaderWidths = [.. panels.Select(panel => panel.RowLabels.Append(panel.RowAxisTitle).Max(label => Measure(label).Width))];

        int y = Margin;
        TitleTop = y;
        if (!string.IsNullOrEmpty(title))
        {
            y += BitmapFont.Measure(title, TitleScale).Height + (2 * LabelGap);
        }

        PanelTitleTop = y;
        y += panels.Max(panel => Measure(panel.Title).Height) + (2 * LabelGap);
        ColumnAxisTop = y;
        y += textHeight + (LabelGap / 2);
        y += panels.Max(panel => panel.ColumnLabels.Max(label => Measure(LabelText.WrapAtCommas(label)).Height)) + LabelGap;
        GridTop = y;

        int x = Margin;
        panelLefts = new int[panels.Count];
        for (int p = 0; p < panels.Count; p++)
        {
            panelLefts[p] = x;
            x = GridLeft(p) + GridWidth(panels[p].ColumnLabels.Count) + PanelGap;
        }

        BarLeft = x - PanelGap + BarGap;
        BarHeight = panels.Max(panel => GridHeight(panel.RowLabels.Count));
        MinLabel = FormatBound(Scale.Min);
        MaxLabel = FormatBound(Scale.Max);
        int barLabelsRight = BarLeft + BarWidth + LabelGap + Math.Max(Measure(MinLabel).Width, Measure(MaxLabel).Width);
        int titleRight = string.IsNullOrEmpty(title) ? 0 : Margin + BitmapFont.Measure(title, TitleScale).Width;
        Width = Math.Max(barLabelsRight, titleRight) + Margin;
        Height = GridTop + BarHeight + Margin;
    }

    internal string? Title { get; }

    internal IReadOnlyList<HeatmapPanel> Panels { get; }

    internal HeatmapScale Scale { get; }

    internal int Width { get; }

    internal int Height { get; }

    internal int TitleTop { get; }

    internal int PanelTitleTop { get; }

    internal int ColumnAxisTop { get; }

    /// <summary>The bottom of the column labels is <see cref="LabelGap"/> above this.</summary>
    internal int GridTop { get; }

    internal int CellWidth { get; }

    internal int CellHeight { get; }

    /// <summary>Per panel, the width of its row labels (or row axis title, if wider).</summary>
    internal int[] RowHeaderWidths { get; }

    internal int BarLeft { get; }

    internal int BarHeight { get; }

    internal string MinLabel { get; }

    internal string MaxLabel { get; }

    internal int GridLeft(int panel) => panelLefts[panel] + RowHeaderWidths[panel] + LabelGap;

    internal int GridWidth(int columns) => (columns * (CellWidth + CellGap)) - CellGap;

    internal int GridHeight(int rows) => (rows * (CellHeight + CellGap)) - CellGap;

    internal int CellLeft(int panel, int column) => GridLeft(panel) + (column * (CellWidth + CellGap));

    internal int CellTop(int row) => GridTop + (row * (CellHeight + CellGap));

    internal static TextSize Measure(string text) => BitmapFont.Measure(text, TextScale);

    /// <summary>Four significant digits ("297.1", "0.01235"); whole numbers from 10,000 up, never an exponent.</summary>
    internal static string FormatBound(double value) =>
        !double.IsFinite(value) ? "—"
        : Math.Abs(value) >= 10_000 ? value.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
        : value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    private static void Validate(IReadOnlyList<HeatmapPanel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
        {
            throw new ArgumentException("A heatmap figure needs at least one panel.", nameof(panels));
        }

        foreach (HeatmapPanel panel in panels)
        {
            ArgumentNullException.ThrowIfNull(panel, nameof(panels));
            int rows = panel.Cells.GetLength(0), columns = panel.Cells.GetLength(1);
            if (rows == 0 || columns == 0 || rows != panel.RowLabels.Count || columns != panel.ColumnLabels.Count)
            {
                throw new ArgumentException(
                    $"Panel '{panel.Title}' has {rows}x{columns} cells for {panel.RowLabels.Count} row and {panel.ColumnLabels.Count} column label(s); it needs one cell per label pair, at least one.",
                    nameof(panels));
            }
        }
    }

    private static int WidestCellContent(HeatmapPanel panel) =>
        panel.ColumnLabels.Select(LabelText.WrapAtCommas)
            .Concat(panel.Cells.Cast<HeatmapCell?>().Select(cell => cell?.Text ?? string.Empty))
            .Max(text => Measure(text).Width);
}
