using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>One path through a plane: its points in order, each marked with its step number.</summary>
public sealed record PlanePath(string Label, RgbColour Colour, IReadOnlyList<(double X, double Y)> Points);

/// <summary>
/// Paths in a 2-D plane over a gray cloud of context points (Fig. 5: the latent path of a digit under a
/// recursion, over every test digit's z0), with axis ticks, axis labels and a legend below the plot.
/// </summary>
public sealed record PathFigure(
    string Title, string XLabel, string YLabel, string CloudLabel, IReadOnlyList<(double X, double Y)> Cloud, IReadOnlyList<PlanePath> Paths) : IFigure
{
    private static readonly Color CloudColour = Color.FromHex("#c8c8c8");

    public int Width
    {
        get
        {
            using var font = FigureFont.Font(PlotStyle.TitleSize, bold: true);
            return Math.Max(640, (int)Math.Ceiling(font.MeasureText(Title)) + 40);
        }
    }

    public int Height => 600;

    public void Draw(SKCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var plot = PlotStyle.New();
        PlotStyle.OpenFrame(plot);
        plot.Title(Title);
        plot.XLabel(XLabel);
        plot.YLabel(YLabel);
        var cloud = plot.Add.ScatterPoints(Cloud.Select(p => p.X).ToArray(), Cloud.Select(p => p.Y).ToArray(), CloudColour);
        cloud.MarkerSize = 3;
        cloud.LegendText = CloudLabel;
        foreach (var path in Paths)
        {
            var colour = PlotStyle.Of(path.Colour);
            var line = plot.Add.Scatter(path.Points.Select(p => p.X).ToArray(), path.Points.Select(p => p.Y).ToArray(), colour);
            line.MarkerSize = 7;
            line.LineWidth = 1.5f;
            line.LegendText = path.Label;
            for (int n = 0; n < path.Points.Count; n++)
            {
                var step = plot.Add.Text(n.ToString(CultureInfo.InvariantCulture), path.Points[n].X, path.Points[n].Y);
                step.LabelFontColor = colour;
                step.LabelFontSize = PlotStyle.TextSize - 2;
                step.LabelAlignment = Alignment.LowerLeft;
                step.LabelOffsetX = 4;
                step.LabelOffsetY = -3;
            }
        }

        plot.ShowLegend(Edge.Bottom);
        PlotStyle.RenderAt(plot, canvas, 0, 0, Width, Height);
    }
}
