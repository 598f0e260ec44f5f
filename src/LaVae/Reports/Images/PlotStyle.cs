using ScottPlot;

namespace LaVae.Reports.Images;

/// <summary>What every ScottPlot figure shares: the shipped font, text sizes, dark ink, no grid, no minor ticks, a flat legend.</summary>
internal static class PlotStyle
{
    internal const float TextSize = 13;
    internal const float TitleSize = 16;

    internal static readonly Color Ink = Color.FromHex("#141414");

    internal static Plot New()
    {
        FigureFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(FigureFont.Family);
        plot.HideGrid();
        plot.Axes.Title.Label.FontSize = TitleSize;
        Embolden(plot.Axes.Title.Label);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = TextSize;
            axis.TickLabelStyle.FontSize = TextSize - 1;
            axis.MinorTickStyle.Length = 0;
        }

        plot.Legend.FontSize = TextSize - 1;
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot;
    }

    /// <summary>
    /// ScottPlot picks a label's typeface when its font name is set and ignores a later <c>Bold</c>;
    /// giving it the bold typeface itself is what draws it bold.
    /// </summary>
    internal static void Embolden(LabelStyle label) => label.Font = FigureFont.Bold;

    internal static Color Of(RgbColour colour) => new(colour.R, colour.G, colour.B);

    /// <summary>Left and bottom axes only, as a paper figure draws them.</summary>
    internal static void OpenFrame(Plot plot)
    {
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
    }

    /// <summary>One panel of a multi-panel figure: open frame, its title at text size, its axis labels.</summary>
    internal static Plot NewPanel(string title, string xLabel, string yLabel)
    {
        var plot = New();
        OpenFrame(plot);
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontSize = TextSize;
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>A figure's bold title, centred across <paramref name="width"/>, its baseline a title size below <paramref name="top"/>.</summary>
    internal static void DrawTitle(SkiaSharp.SKCanvas canvas, string title, float width, float top)
    {
        using var ink = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(Ink.R, Ink.G, Ink.B), IsAntialias = true };
        using var font = FigureFont.Font(TitleSize, bold: true);
        canvas.DrawText(title, width / 2f, top + TitleSize, SkiaSharp.SKTextAlign.Center, font, ink);
    }

    /// <summary>Plots in a grid of <paramref name="columns"/> columns, row by row, each <paramref name="width"/> x <paramref name="height"/>, from (<paramref name="left"/>, <paramref name="top"/>).</summary>
    internal static void RenderGrid(SkiaSharp.SKCanvas canvas, IReadOnlyList<Plot> plots, int columns, float left, float top, int width, int height)
    {
        for (int p = 0; p < plots.Count; p++)
        {
            RenderAt(plots[p], canvas, left + ((p % columns) * width), top + ((p / columns) * height), width, height);
        }
    }

    /// <summary>Draws a plot into a <paramref name="width"/> x <paramref name="height"/> box at (<paramref name="left"/>, <paramref name="top"/>) of a larger canvas.</summary>
    internal static void RenderAt(Plot plot, SkiaSharp.SKCanvas canvas, float left, float top, int width, int height)
    {
        int saved = canvas.Save();
        canvas.Translate(left, top);
        canvas.ClipRect(SkiaSharp.SKRect.Create(width, height));
        Render(plot, canvas, width, height);
        canvas.RestoreToCount(saved);
    }

    /// <summary>
    /// Draws a plot once on <paramref name="canvas"/>. ScottPlot draws a new plot twice on its first
    /// render (the second pass lays out the ticks the first measured), which an SVG would keep as a
    /// copy of every element; a first render in memory takes that pass.
    /// </summary>
    private static void Render(Plot plot, SkiaSharp.SKCanvas canvas, int width, int height)
    {
        plot.RenderInMemory(width, height);
        plot.Render(canvas, width, height);
    }
}
