using System.Globalization;
using System.Xml.Linq;
using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class ScatterFigureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly RgbColour Red = new(0xd6, 0x27, 0x28);
    private static readonly RgbColour Blue = new(0x1f, 0x77, 0xb4);

    /// <summary>Two panels of two clouds: red on the left half of the data, blue on the right.</summary>
    private static ScatterPanel[] Panels() =>
    [
        new("PCA", "PC 1", "PC 2", [
            new("orig", Red, [(-3, -1), (-2, 0), (-2.5, 1)]),
            new("flip_lr", Blue, [(2, 2), (3, -2)]),
        ]),
        new("t-SNE", "t-SNE 1", "t-SNE 2", [
            new("orig", Red, [(0, 0)]),
            new("flip_lr", Blue, [(10, 100), (20, 50)]),
        ]),
    ];

    [Fact]
    public void The_SVG_parses_with_a_circle_per_point_in_its_series_colour()
    {
        var svg = XDocument.Parse(ScatterSvg.Render("Latents", Panels(), columns: 2));

        var points = svg.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "point").ToList();
        points.Should().HaveCount(8, "3 + 2 points in the first panel, 1 + 2 in the second");
        points.Count(c => (string?)c.Attribute("fill") == Red.Hex).Should().Be(4);
        points.Count(c => (string?)c.Attribute("fill") == Blue.Hex).Should().Be(4);
    }

    [Fact]
    public void The_SVG_has_a_legend_entry_per_series_and_every_label()
    {
        var svg = XDocument.Parse(ScatterSvg.Render("Latents", Panels(), columns: 2));

        var legend = svg.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "legend").ToList();
        legend.Select(c => (string?)c.Attribute("fill")).Should().Equal(Red.Hex, Blue.Hex);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        texts.Should().Contain(["Latents", "orig", "flip_lr", "PCA", "t-SNE", "PC 1", "PC 2", "t-SNE 1", "t-SNE 2"]);
        texts.Should().Contain("100", "the second panel's y ticks run to 100");
    }

    [Fact]
    public void A_point_is_drawn_where_the_layout_puts_it_in_the_PNG_and_the_SVG()
    {
        var panels = Panels();
        var layout = new ScatterLayout("Latents", panels, 2, ScatterPng.DefaultPlotSize, ScatterPng.DefaultMarkerRadius);

        var image = ScatterPng.Render("Latents", panels, columns: 2);
        var svg = XDocument.Parse(ScatterSvg.Render("Latents", panels, columns: 2));

        image.Width.Should().Be(layout.Width);
        image.Height.Should().Be(layout.Height);
        foreach (var (p, series, x, y) in new[] { (0, 0, -2.0, 0.0), (0, 1, 3.0, -2.0), (1, 1, 10.0, 100.0) })
        {
            var (px, py) = layout.PixelOf(p, x, y);
            InkPixels.At(image, (int)Math.Floor(px), (int)Math.Floor(py)).Should().Be(panels[p].Series[series].Colour, "the PNG paints the point's pixel");
            svg.Descendants(Svg + "circle").Should().Contain(c =>
                Math.Abs(Number(c, "cx") - px) < 1e-3 && Math.Abs(Number(c, "cy") - py) < 1e-3 && (string?)c.Attribute("fill") == panels[p].Series[series].Colour.Hex);
        }
    }

    [Fact]
    public void Points_stay_inside_their_plot_area_with_the_axes_padding()
    {
        var panels = Panels();
        var layout = new ScatterLayout(null, panels, 1, 100, 2);

        for (int p = 0; p < panels.Length; p++)
        {
            foreach (var (x, y) in panels[p].Series.SelectMany(s => s.Points))
            {
                var (px, py) = layout.PixelOf(p, x, y);
                px.Should().BeInRange(layout.PlotLeft(p) + 4, layout.PlotLeft(p) + 96, "5% padding of a 100-pixel axis keeps points off the frame");
                py.Should().BeInRange(layout.PlotTop(p) + 4, layout.PlotTop(p) + 96);
            }
        }

        layout.PlotTop(1).Should().BeGreaterThan(layout.PlotTop(0) + 100, "one column stacks the panels");
    }

    [Fact]
    public void The_PNG_draws_the_legend_markers_in_the_series_colours()
    {
        var panels = Panels();
        var layout = new ScatterLayout("Latents", panels, 2, ScatterPng.DefaultPlotSize, ScatterPng.DefaultMarkerRadius);

        var image = ScatterPng.Render("Latents", panels, columns: 2);

        int centreY = layout.LegendTop + ScatterLayout.LegendMarkerRadius;
        InkPixels.At(image, layout.LegendLeft(0) + ScatterLayout.LegendMarkerRadius, centreY).Should().Be(Red);
        InkPixels.At(image, layout.LegendLeft(1) + ScatterLayout.LegendMarkerRadius, centreY).Should().Be(Blue);
    }

    [Fact]
    public void A_disc_covers_the_pixels_whose_centres_are_within_its_radius()
    {
        var canvas = new Canvas(10, 10, RgbColour.White);

        canvas.FillDisc(5, 5, 1.5, Red);

        var painted = Enumerable.Range(0, 100).Where(i => canvas[i % 10, i / 10] == Red).Select(i => (i % 10, i / 10)).ToList();
        // Pixel centres (x + 0.5, y + 0.5) within 1.5 of (5, 5): the 2x2 block around it (0.71 away);
        // the next ring, e.g. (3.5, 4.5), is 1.58 away.
        painted.Should().BeEquivalentTo(new[] { (4, 4), (5, 4), (4, 5), (5, 5) });
    }

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
