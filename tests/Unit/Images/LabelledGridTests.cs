using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class LabelledGridTests
{
    private const int Side = 8;
    private const int Scale = 2;

    /// <summary>An 8x8 tile whose pixels say which tile and which pixel they are: 100 + 20*tile + pixel/4, never white nor text-dark.</summary>
    private static byte[] Tile(int tile) => [.. Enumerable.Range(0, Side * Side).Select(pixel => (byte)(100 + (20 * tile) + (pixel / 4)))];

    private static IReadOnlyList<IReadOnlyList<byte[]>> TwoByTwo() => [[Tile(0), Tile(1)], [Tile(2), Tile(3)]];

    private static LabelledGrid Grid(string? title = null, string[]? rowLabels = null, string[]? columnLabels = null) =>
        LabelledGrid.Of(title, rowLabels ?? ["a", "bb"], columnLabels ?? ["x", "y"], [.. TwoByTwo().Select(row => (IReadOnlyList<GridCell>)[.. row.Select(GridCell.Tile)])], Side, Side, Scale);

    [Fact]
    public void Tiles_are_pixel_crisp_at_integer_scale_inside_a_thin_frame()
    {
        var grid = Grid();
        var image = FigureFile.Raster(grid);

        for (int tile = 0; tile < 4; tile++)
        {
            var (left, top) = grid.TileAt(tile / 2, tile % 2);
            for (int y = 0; y < Side * Scale; y++)
            {
                for (int x = 0; x < Side * Scale; x++)
                {
                    byte expected = Tile(tile)[((y / Scale) * Side) + (x / Scale)];
                    InkPixels.At(image, left + x, top + y).Should().Be(RgbColour.Gray(expected), because: $"tile {tile}, pixel ({x}, {y}) at scale {Scale}");
                }
            }

            var frame = LabelledGrid.FrameColour;
            InkPixels.At(image, left - 1, top - 1).Should().Be(new RgbColour(frame.Red, frame.Green, frame.Blue), because: "a thin frame sets each tile apart");
        }
    }

    [Fact]
    public void Each_label_is_written_beside_its_row_or_above_its_column()
    {
        var grid = Grid();
        var image = FigureFile.Raster(grid);

        for (int row = 0; row < 2; row++)
        {
            var (_, top) = grid.TileAt(row, 0);
            InkPixels.Inside(image, 0, top, grid.GridLeft - 1, Side * Scale, RgbColour.White)
                .Should().NotBeEmpty(because: $"row {row} has its label left of it");
        }

        for (int column = 0; column < 2; column++)
        {
            var (left, _) = grid.TileAt(0, column);
            InkPixels.Inside(image, left, 0, Side * Scale, grid.GridTop - 1, RgbColour.White)
                .Should().NotBeEmpty(because: $"column {column} has its label above it");
        }
    }

    [Fact]
    public void The_image_grows_with_its_labels_and_title()
    {
        var plain = Grid();

        var longRowLabel = Grid(rowLabels: ["a", "a much longer row label"]);
        var twoLineColumnLabel = Grid(columnLabels: ["x", "flip_lr,flip_ud"]);
        var titled = Grid(title: "Fig. 4");

        longRowLabel.Width.Should().BeGreaterThan(plain.Width + 100);
        longRowLabel.Height.Should().Be(plain.Height);
        (twoLineColumnLabel.Height - plain.Height).Should().BeInRange(12, 20, because: "the pair is wrapped at its comma onto a second line");
        twoLineColumnLabel.Width.Should().BeGreaterThan(plain.Width, because: "the column widens to fit 'flip_lr,'");
        titled.Height.Should().BeGreaterThan(plain.Height + 16);
    }

    [Fact]
    public void Render_gives_the_grid_as_an_rgb_image()
    {
        var image = LabelledGrid.Render("Fig. 4", ["a", "bb"], ["x", "y"], TwoByTwo(), Side, Side, Scale);

        (image.Width, image.Height, image.Channels).Should().Be((Grid("Fig. 4").Width, Grid("Fig. 4").Height, 3));
    }

    [Fact]
    public void A_text_cell_is_written_inside_its_tile_box_in_the_label_font()
    {
        var grid = LabelledGrid.Of(null, ["a", "verdict"], ["x", "y"], [[GridCell.Tile(new byte[28 * 28]), GridCell.Tile(new byte[28 * 28])], [GridCell.Words("id: Y\nclass: 3"), GridCell.Words("id: N\nclass: 7")]], 28, 28, Scale);
        var image = FigureFile.Raster(grid);

        foreach (var column in new[] { 0, 1 })
        {
            var (left, top) = grid.TileAt(1, column);
            var ink = InkPixels.Inside(image, left, top, 28 * Scale, 28 * Scale, RgbColour.White).ToList();
            ink.Should().NotBeEmpty($"column {column}'s verdict is written in its box");
            ink.Min(p => p.Y).Should().BeLessThan(top + (28 * Scale / 2), "the first line sits in the upper half");
            ink.Max(p => p.Y).Should().BeGreaterThan(top + (28 * Scale / 2), "the second in the lower half");
        }
    }

    [Fact]
    public void Labels_must_match_the_rows_and_columns()
    {
        FluentActions.Invoking(() => LabelledGrid.Render(null, ["a"], ["x", "y"], TwoByTwo(), Side, Side))
            .Should().Throw<ArgumentException>().WithMessage("A grid of 2 row(s) and 2 column(s) needs as many labels; got 1 row and 2 column label(s).*");
    }

    [Fact]
    public void A_tile_of_the_wrong_size_is_named()
    {
        FluentActions.Invoking(() => LabelledGrid.Render(null, ["a", "b"], ["x", "y"], [[Tile(0), Tile(1)], [Tile(2), new byte[3]]], Side, Side))
            .Should().Throw<ArgumentException>().WithMessage("Tile (row 1, column 1) has 3 bytes; a 8x8 gray tile has 64.*");
    }
}
