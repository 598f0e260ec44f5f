namespace LaVae.Reports.Images;

/// <summary>Draws a scatter figure (<see cref="ScatterLayout"/>) on any plot surface; <see cref="ScatterPng"/> and <see cref="ScatterSvg"/> share it.</summary>
internal static class ScatterFigure
{
    internal const string PointRole = "point";
    internal const string LegendRole = "legend";

    private static readonly RgbColour Text = RgbColour.Gray(20);
    private static readonly RgbColour Axis = RgbColour.Gray(60);
    private static readonly RgbColour AxisTitle = RgbColour.Gray(100);

    internal static void Draw(IPlotSurface surface, ScatterLayout layout)
    {
        surface.Rect(0, 0, layout.Width, layout.Height, RgbColour.White);
        if (!string.IsNullOrEmpty(layout.Title))
        {
            surface.Text(layout.Width / 2, layout.TitleTop, layout.Title, Text, ScatterLayout.TitleScale, TextAlign.Center, TextAlign.Start);
        }

        DrawLegend(surface, layout);
        for (int p = 0; p < layout.Panels.Count; p++)
        {
            DrawPanel(surface, layout, p);
        }
    }

    private static void DrawLegend(IPlotSurface surface, ScatterLayout layout)
    {
        int centreY = layout.LegendTop + ScatterLayout.LegendMarkerRadius;
        for (int i = 0; i < layout.LegendLabels.Length; i++)
        {
            int left = layout.LegendLeft(i);
            surface.Marker(left + ScatterLayout.LegendMarkerRadius, centreY, ScatterLayout.LegendMarkerRadius, layout.LegendColours[i], LegendRole);
            surface.Text(left + (2 * ScatterLayout.LegendMarkerRadius) + ScatterLayout.Gap, centreY, layout.LegendLabels[i], Text, ScatterLayout.TextScale, TextAlign.Start, TextAlign.Center);
        }
    }

    private static void DrawPanel(IPlotSurface surface, ScatterLayout layout, int p)
    {
        var panel = layout.Panels[p];
        int left = layout.PlotLeft(p), top = layout.PlotTop(p), size = layout.PlotSize;
        int lineHeight = BitmapFont.Measure("X", ScatterLayout.TextScale).Height;
        int panelTop = top - layout.PanelHeaderHeight;
        surface.Text(left + (size / 2), panelTop, panel.Title, Text, ScatterLayout.TextScale, TextAlign.Center, TextAlign.Start);
        surface.Text(left, top - ScatterLayout.Gap, panel.YLabel, AxisTitle, ScatterLayout.TextScale, TextAlign.Start, TextAlign.End);

        surface.Outline(left, top, size + 1, size + 1, Axis);
        var xTicks = layout.XTicks[p];
        for (int t = 0; t < xTicks.Values.Count; t++)
        {
            int x = (int)Math.Round(layout.PixelOf(p, xTicks.Values[t], layout.YRanges[p].Min).X);
            surface.Line(x, top + size, x, top + size + ScatterLayout.TickLength, Axis);
            surface.Text(x, top + size + ScatterLayout.TickLength + ScatterLayout.Gap, xTicks.Labels[t], Text, ScatterLayout.TextScale, TextAlign.Center, TextAlign.Start);
        }

        var yTicks = layout.YTicks[p];
        for (int t = 0; t < yTicks.Values.Count; t++)
        {
            int y = (int)Math.Round(layout.PixelOf(p, layout.XRanges[p].Min, yTicks.Values[t]).Y);
            surface.Line(left - ScatterLayout.TickLength, y, left, y, Axis);
            surface.Text(left - ScatterLayout.TickLength - ScatterLayout.Gap, y, yTicks.Labels[t], Text, ScatterLayout.TextScale, TextAlign.End, TextAlign.Center);
        }

        int xLabelTop = top + size + ScatterLayout.TickLength + ScatterLayout.Gap + lineHeight + ScatterLayout.Gap;
        surface.Text(left + (size / 2), xLabelTop, panel.XLabel, AxisTitle, ScatterLayout.TextScale, TextAlign.Center, TextAlign.Start);

        foreach (var series in panel.Series)
        {
            foreach (var (x, y) in series.Points.Where(point => double.IsFinite(point.X) && double.IsFinite(point.Y)))
            {
                var (px, py) = layout.PixelOf(p, x, y);
                surface.Marker(px, py, layout.MarkerRadius, series.Colour, PointRole);
            }
        }
    }
}
