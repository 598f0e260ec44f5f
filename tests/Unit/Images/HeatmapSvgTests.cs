using System.Globalization;
using System.Xml.Linq;
using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class HeatmapSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly string[] Pairs = ["flip_lr,flip_ud", "mini_image,edge_detect", "shearX,canny"];

    private static HeatmapPanel[] Fig7()
    {
        var ours = new HeatmapCell?[3, 3];
        var paper = new HeatmapCell?[3, 3];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                double value = 300 + (100 * r) + (37 * c);
                paper[r, c] = new HeatmapCell(value, value.ToString("0.0", CultureInfo.InvariantCulture));
                ours[r, c] = (r, c) == (2, 1) ? null : new HeatmapCell(value + 10, $"{value + 10:0.0} ± {r + c}.5");
            }
        }

        return [new("ours", Pairs, Pairs, ours), new("paper", Pairs, Pairs, paper)];
    }

    private static IEnumerable<XElement> CellRects(XDocument svg) =>
        svg.Descendants(Svg + "rect").Where(rect => (string?)rect.Attribute("class") == "cell");

    /// <summary>Every text element's content, one per line of text.</summary>
    private static List<string> Texts(XDocument svg) => [.. svg.Descendants(Svg + "text").Select(text => text.Value)];

    private static int Number(XElement element, string attribute) => int.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void The_SVG_parses_and_has_one_rect_per_cell_filled_as_the_PNG_cell()
    {
        HeatmapPanel[] panels = Fig7();

        var svg = XDocument.Parse(HeatmapSvg.Render("Fig. 7", panels));
        var png = HeatmapPng.Render("Fig. 7", panels);

        svg.Root!.Name.Should().Be(Svg + "svg");
        (Number(svg.Root, "width"), Number(svg.Root, "height")).Should().Be((png.Width, png.Height), because: "both come from one layout");
        var cells = CellRects(svg).ToList();
        cells.Should().HaveCount(2 * 3 * 3);
        foreach (XElement cell in cells)
        {
            RgbColour inPng = InkPixels.At(png, Number(cell, "x") + 1, Number(cell, "y") + 1);
            ((string)cell.Attribute("fill")!).Should().Be(inPng.Hex, because: $"the SVG cell at ({cell.Attribute("x")}, {cell.Attribute("y")}) must match the PNG there");
        }

        cells.Select(cell => (string)cell.Attribute("fill")!).Should().Contain(RgbColour.Gray(217).Hex, because: "one cell is missing");
    }

    [Fact]
    public void Every_label_title_and_cell_text_is_written()
    {
        HeatmapPanel[] panels = Fig7();

        var texts = Texts(XDocument.Parse(HeatmapSvg.Render("Fig. 7", panels)));

        texts.Should().Contain(["Fig. 7", "ours", "paper", "latent space trained on", "decoder head for"]);
        texts.Should().Contain(Pairs, because: "row labels are written on one line");
        texts.Should().Contain(["flip_lr,", "flip_ud", "mini_image,", "edge_detect", "shearX,", "canny"], because: "column labels are wrapped at the comma");
        texts.Should().Contain(["310.0 ± 0.5", "384.0 ± 2.5", "474.0", "—"]);
        texts.Should().Contain(["300", "584"], because: "the colour bar shows the shared scale's minimum and maximum");
    }

    [Fact]
    public void Markup_characters_in_labels_are_escaped()
    {
        var cells = new HeatmapCell?[1, 1];
        cells[0, 0] = new HeatmapCell(1, "1 < 2 & 3");
        HeatmapPanel[] panels = [new("a<b & c", ["<row>"], ["R&D"], cells)];

        string text = HeatmapSvg.Render("x < y & z", panels);

        text.Should().Contain("x &lt; y &amp; z").And.Contain("a&lt;b &amp; c").And.Contain("&lt;row&gt;").And.Contain("R&amp;D").And.Contain("1 &lt; 2 &amp; 3");
        text.Should().NotContain("<row>").And.NotContain("R&D");
        Texts(XDocument.Parse(text)).Should().Contain(["x < y & z", "a<b & c", "<row>", "R&D", "1 < 2 & 3"]);
    }

    [Fact]
    public void Characters_XML_cannot_hold_become_a_replacement_character()
    {
        var cells = new HeatmapCell?[1, 1];
        HeatmapPanel[] panels = [new("bell\u0007", ["r"], ["c"], cells)];

        Texts(XDocument.Parse(HeatmapSvg.Render(null, panels))).Should().Contain("bell\uFFFD");
    }

    [Fact]
    public void Write_puts_the_same_document_in_a_file()
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "fig7.svg");

        HeatmapSvg.Write(path, "Fig. 7", Fig7());

        File.ReadAllText(path).Should().Be(HeatmapSvg.Render("Fig. 7", Fig7()));
    }
}
