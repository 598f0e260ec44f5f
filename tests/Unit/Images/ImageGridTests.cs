using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class ImageGridTests
{
    /// <summary>A 2x2 tile whose four pixels say which tile and which pixel they are: 10*(tile+1) + pixel.</summary>
    private static byte[] Tile(int tile) => [.. Enumerable.Range(0, 4).Select(pixel => (byte)((10 * (tile + 1)) + pixel))];

    [Fact]
    public void Tiles_are_scaled_by_nearest_neighbour_and_separated_by_gaps()
    {
        IReadOnlyList<IReadOnlyList<byte[]>> rows = [[Tile(0), Tile(1), Tile(2)], [Tile(3), Tile(4)]];

        var grid = ImageGrid.Gray(rows, 2, 2, new GridStyle(Scale: 2, Gap: 1, GapLevel: 99));

        (grid.Width, grid.Height, grid.Channels).Should().Be((14, 9, 1), because: "3 cells of 4 + 2 gaps wide, 2 cells of 4 + 1 gap high");
        grid[0, 0].Should().Be(10, because: "tile 0, pixel 0 fills the top-left 2x2 block");
        grid[1, 1].Should().Be(10);
        grid[2, 0].Should().Be(11, because: "tile 0, pixel 1 comes next in its row");
        grid[3, 3].Should().Be(13, because: "tile 0, pixel 3 is its bottom-right");
        grid[5, 0].Should().Be(20, because: "tile 1 starts after a 4-pixel cell and a 1-pixel gap");
        grid[13, 3].Should().Be(33, because: "tile 2 ends at the right edge");
        grid[0, 5].Should().Be(40, because: "the second row starts after a 4-pixel cell and a 1-pixel gap");
        grid[8, 8].Should().Be(53);
        grid[4, 0].Should().Be(99, because: "column 4 is a gap");
        grid[0, 4].Should().Be(99, because: "row 4 is a gap");
        Enumerable.Range(10, 4).SelectMany(x => Enumerable.Range(5, 4).Select(y => grid[x, y])).Should().OnlyContain(v => v == 99,
            because: "the second row has no third tile");
    }

    [Fact]
    public void Defaults_are_no_scaling_and_a_2_pixel_mid_gray_gap()
    {
        var digit = new byte[28 * 28];
        var grid = ImageGrid.Gray([[digit, digit, digit, digit]], 28, 28);

        (grid.Width, grid.Height).Should().Be(((4 * 28) + (3 * 2), 28));
        grid[28, 0].Should().Be(128);
        grid[29, 27].Should().Be(128);
        grid[30, 0].Should().Be(0);
    }

    [Fact]
    public void RGB_tiles_keep_their_colours()
    {
        byte[] red = [255, 0, 0], blue = [0, 0, 255];

        var grid = ImageGrid.Rgb([[red, blue]], 1, 1, new GridStyle(Scale: 2, Gap: 1, GapLevel: 7));

        (grid.Width, grid.Height, grid.Channels).Should().Be((5, 2, 3));
        grid.Pixels.Should().Equal([255, 0, 0, 255, 0, 0, 7, 7, 7, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 7, 7, 7, 0, 0, 255, 0, 0, 255]);
    }

    [Fact]
    public void A_tile_of_the_wrong_size_is_named()
    {
        FluentActions.Invoking(() => ImageGrid.Gray([[Tile(0)], [Tile(1), new byte[3]]], 2, 2)).Should().Throw<ArgumentException>()
            .WithMessage("Tile (row 1, column 1) has 3 bytes; a 2x2 tile of 1 channel(s) has 4.*");
    }

    [Fact]
    public void A_grid_without_tiles_is_rejected()
    {
        FluentActions.Invoking(() => ImageGrid.Gray([[]], 2, 2)).Should().Throw<ArgumentException>().WithMessage("A grid needs at least one tile.*");
    }
}
