using System.Globalization;
using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class HeatmapFigureTests
{
    private static readonly string[] Pairs = ["flip_lr,flip_ud", "mini_image,edge_detect"];

    private static HeatmapPanel Panel(string title, double?[,] values)
    {
        var cells = new HeatmapCell?[values.GetLength(0), values.GetLength(1)];
        for (int r = 0; r < values.GetLength(0); r++)
        {
            for (int c = 0; c < values.GetLength(1); c++)
            {
                cells[r, c] = values[r, c] is double v ? new HeatmapCell(v, v.ToString("0.0", CultureInfo.InvariantCulture)) : null;
            }
        }

        return new HeatmapPanel(title, Pairs, Pairs, cells);
    }

    private static readonly HeatmapPanel[] OursAndPaper =
        [Panel("ours", new double?[,] { { 456.4, 610.7 }, { 487.2, null } }), Panel("paper", new double?[,] { { 297.1, 696.7 }, { 610.7, 5074.3 } })];

    [Fact]
    public void Panels_share_one_colour_scale_from_the_smallest_to_the_largest_value()
    {
        var scale = new HeatmapColourScale(OursAndPaper);
        var viridis = new ScottPlot.Colormaps.Viridis();

        scale.ColourOf(new HeatmapCell(610.7, "")).Should().Be(scale.ColourOf(OursAndPaper[1].Cells[1, 0]), "equal values look equal in either panel");
        scale.ColourOf(new HeatmapCell(297.1, "")).Should().Be(viridis.GetColor(0.0), "the smallest value of all panels takes the palette's start");
        scale.ColourOf(new HeatmapCell(5074.3, "")).Should().Be(viridis.GetColor(1.0), "the largest takes its end");
        scale.ColourOf(null).Should().Be(HeatmapColourScale.Missing);
    }

    [Fact]
    public void Text_is_black_on_light_cells_and_white_on_dark_ones()
    {
        HeatmapColourScale.TextOn(new ScottPlot.Colormaps.Viridis().GetColor(1.0)).Should().Be(ScottPlot.Colors.Black);
        HeatmapColourScale.TextOn(new ScottPlot.Colormaps.Viridis().GetColor(0.0)).Should().Be(ScottPlot.Colors.White);
    }

    [Fact]
    public void The_svg_writes_every_value_label_and_panel_title_and_a_colour_bar_with_ticks()
    {
        var texts = SvgText.Of(FigureFile.Svg(new HeatmapFigure("Fig. 7", OursAndPaper)));

        texts.Should().Contain(["Fig. 7", "ours", "paper", "456.4", "610.7", "487.2", "—", "297.1", "696.7", "5074.3"]);
        texts.Should().Contain(["flip_lr,flip_ud", "mini_image,edge_detect"], "rows are labelled once, on the left, in full");
        texts.Count(text => text == "mini_image,").Should().Be(2, "each panel's columns are labelled, long pairs wrapped at the comma");
        texts.Should().Contain(["latent space trained on", "decoder head for"]);
        texts.Where(text => int.TryParse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out _))
            .Should().HaveCountGreaterThanOrEqualTo(4, "the colour bar has ticks between min and max, not only its ends");
    }

    [Fact]
    public void Cells_are_rectangles_in_the_svg_not_a_blurred_image()
    {
        var svg = FigureFile.Svg(new HeatmapFigure(null, OursAndPaper));

        System.Text.RegularExpressions.Regex.Count(svg, "<image").Should().Be(1, "only the colour bar's gradient is a bitmap; ScottPlot's heatmap plottable would make the cells one too, blurred when scaled");
        var fills = SvgText.Fills(svg, "rect");
        fills.Should().Contain(HeatmapColourScale.Missing.ToHex().ToUpperInvariant()[..7], "the missing cell is a gray rectangle");
    }

    [Fact]
    public void Panels_must_have_the_same_rows_and_cells_matching_their_labels()
    {
        var other = new HeatmapPanel("other", ["a", "b"], Pairs, new HeatmapCell?[2, 2]);
        var wrong = new HeatmapPanel("wrong", Pairs, Pairs, new HeatmapCell?[1, 2]);

        FluentActions.Invoking(() => new HeatmapFigure(null, [OursAndPaper[0], other])).Should().Throw<ArgumentException>().WithMessage("Panel 'other' has other rows*");
        FluentActions.Invoking(() => new HeatmapFigure(null, [wrong])).Should().Throw<ArgumentException>().WithMessage("Panel 'wrong' has 1x2 cells for 2 row and 2 column label(s).*");
    }
}
