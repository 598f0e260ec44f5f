namespace LaVae.Reports.Images;

/// <summary>Draws a heatmap figure (<see cref="HeatmapLayout"/>) on any surface; <see cref="HeatmapPng"/> and <see cref="HeatmapSvg"/> share it.</summary>
internal static class HeatmapFigure
{
    internal const string CellRole = "cell";
    internal const string MissingText = "—";

    /// <summary>Axis titles are a lighter gray than labels, so they read as captions of the labels.</summary>
    private static readonly RgbColour AxisTitleColour = RgbColour.Gray(100);

    internal static void Draw(IFigureSurface surface, HeatmapLayout layout)
    {
        string? title = layout.Title;
        IReadOnlyList<HeatmapPanel> panels = layout.Panels;
        HeatmapScale scale = layout.Scale;
        surface.Rect(0, 0, layout.Width, layout.Height, RgbColour.White);
        if (!string.IsNullOrEmpty(title))
        {
            surface.Text(layout.Width / 2, layout.TitleTop, title, HeatmapPalette.Text, HeatmapLayout.TitleScale, TextAlign.Center, TextAlign.Start);
        }

        for (int p = 0; p < panels.Count; p++)
        {
            DrawPanel(surface, layout, scale, p, panels[p]);
        }

        if (double.IsFinite(scale.Min))
        {
            DrawColourBar(surface, layout);
        }
    }

    private static void DrawPanel(IFigureSurface surface, HeatmapLayout layout, HeatmapScale scale, int p, HeatmapPanel panel)
    {
        int gridLeft = layout.GridLeft(p), gridCentre = gridLeft + (layout.GridWidth(panel.ColumnLabels.Count) / 2);
        int labelsBottom = layout.GridTop - HeatmapLayout.LabelGap, rowLabelsRight = gridLeft - HeatmapLayout.LabelGap;
        surface.Text(gridCentre, layout.PanelTitleTop, panel.Title, HeatmapPalette.Text, HeatmapLayout.TextScale, TextAlign.Center, TextAlign.Start);
        surface.Text(gridCentre, layout.ColumnAxisTop, panel.ColumnAxisTitle, AxisTitleColour, HeatmapLayout.TextScale, TextAlign.Center, TextAlign.Start);
        surface.Text(rowLabelsRight, labelsBottom, panel.RowAxisTitle, AxisTitleColour, HeatmapLayout.TextScale, TextAlign.End, TextAlign.End);

        for (int c = 0; c < panel.ColumnLabels.Count; c++)
        {
            int centre = layout.CellLeft(p, c) + (layout.CellWidth / 2);
            surface.Text(centre, labelsBottom, LabelText.WrapAtCommas(panel.ColumnLabels[c]), HeatmapPalette.Text, HeatmapLayout.TextScale, TextAlign.Center, TextAlign.End);
        }

        for (int r = 0; r < panel.RowLabels.Count; r++)
        {
            int top = layout.CellTop(r);
            surface.Text(rowLabelsRight, top + (layout.CellHeight / 2), panel.RowLabels[r], HeatmapPalette.Text, HeatmapLayout.TextScale, TextAlign.End, TextAlign.Center);
            for (int c = 0; c < panel.ColumnLabels.Count; c++)
            {
                HeatmapCell? cell = panel.Cells[r, c];
                RgbColour fill = scale.ColourOf(cell);
                int left = layout.CellLeft(p, c);
                surface.Rect(left, top, layout.CellWidth, layout.CellHeight, fill, CellRole);
                surface.Text(
                    left + (layout.CellWidth / 2),
                    top + (layout.CellHeight / 2),
                    cell?.Text ?? MissingText,
                    HeatmapPalette.TextOn(fill),
                    HeatmapLayout.TextScale,
                    TextAlign.Center,
                    TextAlign.Center);
            }
        }
    }

    private static void DrawColourBar(IFigureSurface surface, HeatmapLayout layout)
    {
        int labelsLeft = layout.BarLeft + HeatmapLayout.BarWidth + HeatmapLayout.LabelGap;
        surface.VerticalGradient(layout.BarLeft, layout.GridTop, HeatmapLayout.BarWidth, layout.BarHeight, HeatmapPalette.Sequential);
        surface.Outline(layout.BarLeft, layout.GridTop, HeatmapLayout.BarWidth, layout.BarHeight, HeatmapPalette.Text);
        surface.Text(labelsLeft, layout.GridTop, layout.MaxLabel, HeatmapPalette.Text, HeatmapLayout.TextScale, TextAlign.Start, TextAlign.Start);
        surface.Text(labelsLeft, layout.GridTop + layout.BarHeight, layout.MinLabel, HeatmapPalette.Text, HeatmapLayout.TextScale, TextAlign.Start, TextAlign.End);
    }
}
