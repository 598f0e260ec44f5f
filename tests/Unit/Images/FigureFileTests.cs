using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

/// <summary>One drawing, two files: the PNG and the SVG are the same bytes on every run.</summary>
public sealed class FigureFileTests
{
    private static BarChart Chart(string title) =>
        new(title, "test accuracy", ["plain", "augmented"], [("none", [new Bar(0.9, 0.88, 0.91), new Bar(0.5, 0.45, 0.52)])]);

    [Fact]
    public void The_same_figure_gives_the_same_svg_whatever_was_drawn_before_it()
    {
        string first = FigureFile.Svg(Chart("A"));
        _ = FigureFile.Svg(Chart("another figure"));

        FigureFile.Svg(Chart("A")).Should().Be(first, "Skia's clip-path ids count on across a process; they are renumbered per file");
        first.Should().Contain("<clipPath id=\"clip0\"").And.Contain("url(#clip0)").And.NotContain("cl_");
    }

    [Fact]
    public void The_same_figure_gives_the_same_pixels()
    {
        FigureFile.Raster(Chart("A")).Pixels.Should().Equal(FigureFile.Raster(Chart("A")).Pixels);
    }

    [Fact]
    public void Clip_ids_are_renumbered_in_order_of_first_appearance_in_definitions_and_references()
    {
        const string svg = "<clipPath id=\"cl_7\"/><g clip-path=\"url(#cl_7)\"/><clipPath id=\"cl_a\"/><g clip-path=\"url(#cl_a)\"/><text>cl_7</text>";

        FigureFile.NormaliseClipIds(svg).Should().Be(
            "<clipPath id=\"clip0\"/><g clip-path=\"url(#clip0)\"/><clipPath id=\"clip1\"/><g clip-path=\"url(#clip1)\"/><text>cl_7</text>");
    }

    [Fact]
    public void A_plot_is_drawn_once_not_twice_in_the_svg()
    {
        var svg = FigureFile.Svg(Chart("A"));

        // ScottPlot draws a new plot twice on its first render; each text appears once per label.
        SvgText.Of(svg).Count(text => text == "0.900").Should().Be(1);
    }
}
