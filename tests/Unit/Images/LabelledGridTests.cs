using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class LabelledGridTests
{
    private const int Side = 8;
    private const int Scale = 2;

    /// <summary>An 8x8 tile whose pixels say which tile and which pixel they are: 100 + 20*tile + pixel/4, never white nor text-dark.</summary>
    private static byte[] Tile(int tile) => [.. Enumerable.Range(0, Side * Side).Select(pixel => (byte)(100 + (20 * tile) + (pixel / 4)))];

    private static IReadOnlyList<IReadOnlyList<byte[]>> TwoByTwo() => [[Tile(0), Tile(1)], [Tile(2), Tile(3)]];

    private static RasterImage Render(string? title = null, string[]? rowLabels = null, string[]? columnLabels = null) =>
        LabelledGrid.Render(title, rowLabels ?? ["a", "bb"], columnLabels ?? ["x", "y"], TwoByTwo(), Side, Side, Scale);

    [Fact]
    public void Tiles_sit_right_of_the_row_labels_and_below_the_column_labels_pixel_for_pixel()
    {
        var image = Render();

        int cell = Side * Scale, labelsWidth = BitmapFont.Measure("bb").Width;
        int gridLeft = LabelledGrid.Margin + labelsWidth + LabelledGrid.LabelGap;
        int gridTop = LabelledGrid.Margin + BitmapFont.Measure("x").Height + LabelledGrid.LabelGap;
        for (int tile = 0; tile < 4; tile++)
        {
            int left = gridLeft + ((tile % 2) * (cell + LabelledGrid.TileGap)), top = gridTop + ((tile / 2) * (cell + LabelledGrid.TileGap));
            for (int y = 0; y < cell; y++)
            {
                for (int x = 0; x < cell; x++)
                {
                    byte expected = Tile(tile)[((y / Scale) * Side) + (x / Scale)];
                    InkPixels.At(image, left + x, top + y).Should().Be(RgbColour.Gray(expected), because: $"tile {tile}, pixel ({x}, {y}) at scale {Scale}");
                }
            }

            InkPixels.At(image, left - 1, top - 1).Should().Be(LabelledGrid.FrameColour, because: "a thin frame sets each tile apart");
        }

        (image.Width, image.Height).Should().Be((gridLeft + (2 * cell) + LabelledGrid.TileGap + LabelledGrid.Margin, gridTop + (2 * cell) + LabelledGrid.TileGap + LabelledGrid.Margin));
    }

    [Fact]
    public void Each_label_is_written_beside_its_row_or_above_its_column()
    {
        var image = Render();

        int cell = Side * Scale, gridLeft = LabelledGrid.Margin + BitmapFont.Measure("bb").Width + LabelledGrid.LabelGap;
        int gridTop = LabelledGrid.Margin + BitmapFont.Measure("x").Height + LabelledGrid.LabelGap;
        for (int row = 0; row < 2; row++)
        {
            InkPixels.Inside(image, 0, gridTop + (row * (cell + LabelledGrid.TileGap)), gridLeft - 1, cell, RgbColour.White)
                .Should().NotBeEmpty(because: $"row {row} has its label left of it");
        }

        for (int column = 0; column < 2; column++)
        {
            InkPixels.Inside(image, gridLeft + (column * (cell + LabelledGrid.TileGap)), 0, cell, gridTop - 1, RgbColour.White)
                .Should().NotBeEmpty(because: $"column {column} has its label above it");
        }
    }

    [Fact]
    public void The_image_grows_with_its_labels_and_title()
    {
        var plain = Render();

        var longRowLabel = Render(rowLabels: ["a", "a much longer row label"]);
        var twoLineColumnLabel = Render(columnLabels: ["x", "flip_lr,flip_ud"]);
        var titled = Render(title: "Fig. 4");

        (longRowLabel.Width - plain.Width).Should().Be(BitmapFont.Measure("a much longer row label").Width - BitmapFont.Measure("bb").Width);
        longRowLabel.Height.Should().Be(plain.Height);
        (twoLineColumnLabel.Height - plain.Height).Should().Be(BitmapFont.LineHeight, because: "the pair is wrapped at its comma onto a second line");
        twoLineColumnLabel.Width.Should().BeGreaterThan(plain.Width, because: "the column widens to fit 'flip_lr,'");
        titled.Height.Should().BeGreaterThan(plain.Height + BitmapFont.Measure("Fig. 4", LabelledGrid.TitleScale).Height);
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
