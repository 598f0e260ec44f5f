using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class HeatmapPngTests
{
    private static readonly string[] Pairs = ["flip_lr,flip_ud", "mini_image,edge_detect"];

    internal static HeatmapPanel Panel(string title, double?[,] values)
    {
        var cells = new HeatmapCell?[values.GetLength(0), values.GetLength(1)];
        for (int r = 0; r < values.GetLength(0); r++)
        {
            for (int c = 0; c < values.GetLength(1); c++)
            {
                cells[r, c] = values[r, c] is double v ? new HeatmapCell(v, v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)) : null;
            }
        }

        string[] rows = [.. Enumerable.Range(0, values.GetLength(0)).Select(r => $"row {r}")];
        string[] columns = [.. Enumerable.Range(0, values.GetLength(1)).Select(c => $"col {c}")];
        return new HeatmapPanel(title, rows, columns, cells);
    }

    /// <summary>A cell's fill, read just inside its top-left corner, where no text reaches.</summary>
    private static RgbColour CellColour(RasterImage image, HeatmapLayout layout, int panel, int row, int column) =>
        InkPixels.At(image, layout.CellLeft(panel, column) + 2, layout.CellTop(row) + 2);

    [Fact]
    public void A_higher_value_is_a_lighter_colour_further_along_the_palette()
    {
        double?[,] values = { { 3, 1, 6, 2, 5, 4 } };
        HeatmapPanel[] panels = [Panel("ours", values)];
        var layout = new HeatmapLayout(null, panels);

        var image = HeatmapPng.Render(null, panels);

        RgbColour[] byValue = [.. Enumerable.Range(0, 6).OrderBy(c => values[0, c]).Select(c => CellColour(image, layout, 0, 0, c))];
        byValue.Should().OnlyHaveUniqueItems();
        byValue.Select(colour => colour.Luminance).Should().BeInAscendingOrder(because: "the palette (viridis) grows lighter from low to high")
            .And.OnlyHaveUniqueItems();
        byValue[0].Should().Be(new RgbColour(0x44, 0x01, 0x54), because: "the smallest value takes the palette's first colour");
        byValue[^1].Should().Be(new RgbColour(0xfd, 0xe7, 0x25), because: "the largest value takes its last colour");
    }

    [Fact]
    public void Panels_share_one_colour_scale()
    {
        HeatmapPanel[] panels = [Panel("ours", new double?[,] { { 0, 5 }, { 10, 10 } }), Panel("paper", new double?[,] { { 20, 0 }, { 5, 7 } })];
        var layout = new HeatmapLayout("Fig. 7", panels);

        var image = HeatmapPng.Render("Fig. 7", panels);

        CellColour(image, layout, 0, 0, 1).Should().Be(CellColour(image, layout, 1, 1, 0), because: "5 in 'ours' and 5 in 'paper' are the same value");
        CellColour(image, layout, 0, 0, 0).Should().Be(CellColour(image, layout, 1, 0, 1), because: "so are the two zeros");
        CellColour(image, layout, 0, 1, 0).Should().NotBe(CellColour(image, layout, 1, 0, 0),
            because: "'ours' tops out at 10 but the shared scale runs to 'paper''s 20");
    }

    [Fact]
    public void A_missing_cell_is_neutral_gray_with_a_dash()
    {
        HeatmapPanel[] panels = [Panel("ours", new double?[,] { { 1, null }, { 2, 3 } })];
        var layout = new HeatmapLayout(null, panels);

        var image = HeatmapPng.Render(null, panels);

        RgbColour gray = CellColour(image, layout, 0, 0, 1);
        gray.Should().Be(RgbColour.Gray(217));
        InkPixels.Inside(image, layout.CellLeft(0, 1), layout.CellTop(0), layout.CellWidth, layout.CellHeight, gray)
            .Should().NotBeEmpty(because: "the cell says it is missing with '—'");
    }

    [Fact]
    public void Cell_text_is_dark_on_light_cells_and_light_on_dark_ones()
    {
        HeatmapPanel[] panels = [Panel("ours", new double?[,] { { 0, 1 } })];
        var layout = new HeatmapLayout(null, panels);

        var image = HeatmapPng.Render(null, panels);

        InkPixels.Inside(image, layout.CellLeft(0, 0), layout.CellTop(0), layout.CellWidth, layout.CellHeight, CellColour(image, layout, 0, 0, 0))
            .Should().NotBeEmpty().And.OnlyContain(p => InkPixels.At(image, p.X, p.Y) == RgbColour.White, because: "the low end, dark purple, gets white text");
        InkPixels.Inside(image, layout.CellLeft(0, 1), layout.CellTop(0), layout.CellWidth, layout.CellHeight, CellColour(image, layout, 0, 0, 1))
            .Should().NotBeEmpty().And.OnlyContain(p => InkPixels.At(image, p.X, p.Y) == RgbColour.Black, because: "the high end, yellow, gets black text");
    }

    [Fact]
    public void The_colour_bar_runs_from_the_lowest_colour_at_the_bottom_to_the_highest_at_the_top()
    {
        HeatmapPanel[] panels = [Panel("ours", new double?[,] { { 297.1, 916 }, { 500, 600 } })];
        var layout = new HeatmapLayout(null, panels);

        var image = HeatmapPng.Render(null, panels);

        int x = layout.BarLeft + (HeatmapLayout.BarWidth / 2);
        RgbColour top = InkPixels.At(image, x, layout.GridTop + 1), maximum = CellColour(image, layout, 0, 0, 1);
        new[] { top.R - maximum.R, top.G - maximum.G, top.B - maximum.B }.Should().OnlyContain(d => Math.Abs(d) <= 10,
            because: "just inside its frame, the bar's top is the colour of the maximum, 916, give or take the one row (1/77 of the palette) it lies below");
        InkPixels.At(image, x, layout.GridTop + layout.BarHeight - 2).Luminance.Should().BeLessThan(0.05, because: "the bottom is the palette's dark start");
        (layout.MinLabel, layout.MaxLabel).Should().Be(("297.1", "916"));
    }

    [Fact]
    public void Long_augmentation_pairs_are_wrapped_at_the_comma_and_fit_their_cells()
    {
        var cells = new HeatmapCell?[2, 2];
        cells[0, 0] = new HeatmapCell(512.3, "512.3 ± 8.1");
        HeatmapPanel[] panels = [new("ours", Pairs, Pairs, cells)];

        var layout = new HeatmapLayout(null, panels);

        layout.CellWidth.Should().BeGreaterThan(BitmapFont.Measure("edge_detect", HeatmapLayout.TextScale).Width);
        layout.CellWidth.Should().BeGreaterThan(BitmapFont.Measure("512.3 ± 8.1", HeatmapLayout.TextScale).Width);
        layout.CellWidth.Should().BeLessThan(BitmapFont.Measure("mini_image,edge_detect", HeatmapLayout.TextScale).Width,
            because: "wrapping at the comma keeps columns narrower than the whole pair");
        layout.RowHeaderWidths[0].Should().BeGreaterThanOrEqualTo(BitmapFont.Measure("mini_image,edge_detect", HeatmapLayout.TextScale).Width,
            because: "row labels are written on one line");
    }

    [Fact]
    public void A_panel_whose_cells_do_not_match_its_labels_is_named()
    {
        HeatmapPanel[] panels = [new("paper", Pairs, Pairs, new HeatmapCell?[2, 3])];

        FluentActions.Invoking(() => HeatmapPng.Render(null, panels)).Should().Throw<ArgumentException>()
            .WithMessage("Panel 'paper' has 2x3 cells for 2 row and 2 column label(s)*");
        FluentActions.Invoking(() => HeatmapPng.Render(null, [])).Should().Throw<ArgumentException>();
    }
}
