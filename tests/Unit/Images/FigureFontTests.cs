using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

/// <summary>The shipped font: loaded from the assembly, answered for by ScottPlot, and drawing glyphs (Skia draws none, silently, without a font).</summary>
public sealed class FigureFontTests
{
    [Fact]
    public void The_shipped_regular_and_bold_typefaces_load_from_the_assembly()
    {
        FigureFont.Regular.FamilyName.Should().Be("DejaVu Sans");
        FigureFont.Bold.FamilyName.Should().Be("DejaVu Sans");
        FigureFont.Regular.FontWeight.Should().Be(400);
        FigureFont.Bold.FontWeight.Should().Be(700);
    }

    [Fact]
    public void ScottPlot_resolves_the_family_to_the_shipped_typefaces_whatever_is_installed()
    {
        FigureFont.EnsureRegistered();

        ScottPlot.Fonts.Default.Should().Be(FigureFont.Family);
        ScottPlot.Fonts.GetTypeface(FigureFont.Family, bold: false, italic: false).Should().BeSameAs(FigureFont.Regular);
        ScottPlot.Fonts.GetTypeface(FigureFont.Family, bold: true, italic: false).Should().BeSameAs(FigureFont.Bold);
    }

    [Fact]
    public void A_glyph_drawn_in_a_text_box_leaves_ink()
    {
        var grid = LabelledGrid.Of(null, [""], [""], [[GridCell.Words("8")]], 28, 28, 1);
        var image = FigureFile.Raster(grid);
        var (left, top) = grid.TileAt(0, 0);

        var ink = InkPixels.Inside(image, left, top, 28, 28, RgbColour.White).ToList();
        ink.Count(p => InkPixels.At(image, p.X, p.Y).R < 128).Should().BeGreaterThan(10, "the glyph '8' is drawn dark on white");
        ink.Should().HaveCountLessThan(28 * 28 / 2, "the rest of the box stays white");
    }

    [Fact]
    public void A_plot_title_is_drawn_in_the_shipped_font()
    {
        var chart = new BarChart("Accuracy", "test accuracy", ["plain"], [("none", [new Bar(0.5, 0.5, 0.5)])]);

        var image = FigureFile.Raster(chart);

        // The title is centred in the top strip: ink there means ScottPlot drew text.
        InkPixels.Inside(image, (image.Width / 2) - 60, 0, 120, 40, RgbColour.White).Should().HaveCountGreaterThan(50);
    }
}
