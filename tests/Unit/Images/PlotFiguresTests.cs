using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

/// <summary>The scatter panels, the bars with whiskers and the path plot say and draw what they are given.</summary>
public sealed class PlotFiguresTests
{
    private static readonly RgbColour[] Colours = [RgbColour.Gray(70), new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e)];

    private static ScatterPanel Panel(string title) => new(
        title, "PC 1", "PC 2", [.. Colours.Select((colour, s) => new ScatterSeries($"cloud {s}", colour, [.. Enumerable.Range(0, 5).Select(i => ((double)i, (double)(i * s)))]))]);

    [Fact]
    public void A_scatter_figure_draws_every_point_in_its_series_colour_with_one_legend()
    {
        var svg = FigureFile.Svg(new ScatterFigure("clouds", [Panel("images: PCA"), Panel("latents: PCA")], columns: 2));

        var discs = SvgText.Fills(svg, "ellipse");
        discs.Should().HaveCount((2 * 3 * 5) + 3, "2 panels of 3 series of 5 points, and one legend disc per series");
        discs.Distinct().Should().BeEquivalentTo(["#464646", "#1F77B4", "#FF7F0E"]);
        SvgText.Of(svg).Should().Contain(["clouds", "images: PCA", "latents: PCA", "PC 1", "PC 2", "cloud 0", "cloud 1", "cloud 2"]);
    }

    [Fact]
    public void Scatter_panels_are_laid_out_in_rows_of_the_given_columns()
    {
        var oneRow = new ScatterFigure(null, [Panel("a"), Panel("b")], columns: 2);
        var twoRows = new ScatterFigure(null, [Panel("a"), Panel("b")], columns: 1);

        twoRows.Width.Should().BeLessThan(oneRow.Width);
        twoRows.Height.Should().BeGreaterThan(oneRow.Height);
    }

    [Fact]
    public void A_bar_chart_writes_each_mean_its_group_labels_and_a_legend()
    {
        var chart = new BarChart(
            "accuracy", "test accuracy", ["plain", "augmented"], [("none", [new Bar(0.9, 0.88, 0.91), new Bar(0.45, 0.4, 0.5)]), ("LAVAE", [new Bar(0.8875, 0.88, 0.9), new Bar(0.6585, 0.65, 0.67)])]);

        var texts = SvgText.Of(FigureFile.Svg(chart));

        texts.Should().Contain(["accuracy", "test accuracy", "none", "LAVAE", "plain", "augmented", "0.900", "0.450", "0.888", "0.659"]);
        texts.Should().Contain(["0.0", "0.5", "1.0"], "the y axis has ticks");
    }

    [Fact]
    public void A_path_figure_numbers_each_step_and_labels_its_axes()
    {
        var figure = new PathFigure(
            "paths", "IC 1", "IC 2", "every z0", [(0, 0), (1, 1), (2, 0)],
            [new PlanePath("stable", new RgbColour(31, 119, 180), [.. Enumerable.Range(0, 9).Select(n => (n * 0.1, n * 0.05))])]);

        var texts = SvgText.Of(FigureFile.Svg(figure));

        texts.Should().Contain(["paths", "IC 1", "IC 2", "every z0", "stable"]);
        texts.Should().Contain([.. Enumerable.Range(0, 9).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        texts.Should().Contain("0.5", "the axes have ticks");
    }
}
