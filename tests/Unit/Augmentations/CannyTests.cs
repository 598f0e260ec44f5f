using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

public class CannyTests
{
    private const byte Edge = 0;
    private const byte Background = 255;

    /// <summary>Canny with thresholds 100 / 200 and aperture 3, black edges on white.</summary>
    private static byte[,] Edges(Tensor image) =>
        TestImages.Pixels(Canny.Apply(image, tensor(new[] { 100.0 }), tensor(new[] { 200.0 }), tensor(new[] { 3.0 })));

    private static IEnumerable<(int Row, int Column)> EdgePixels(byte[,] result) =>
        from row in Enumerable.Range(0, TestImages.Side)
        from column in Enumerable.Range(0, TestImages.Side)
        where result[row, column] == Edge
        select (row, column);

    [Fact]
    public void An_empty_image_has_no_edges()
    {
        using var scope = NewDisposeScope();

        EdgePixels(Edges(TestImages.Drawn((_, _) => 0))).Should().BeEmpty();
    }

    [Fact]
    public void A_vertical_step_gives_one_edge_column_on_the_dark_side()
    {
        using var scope = NewDisposeScope();

        var result = Edges(TestImages.Drawn((_, column) => column >= 14 ? (byte)255 : (byte)0));

        // Columns 13 and 14 have the same gradient; OpenCV keeps a pixel that beats its left neighbour
        // strictly and its right one at least equally, so column 13 wins.
        EdgePixels(result).Should().BeEquivalentTo(Enumerable.Range(0, TestImages.Side).Select(row => (row, 13)));
    }

    [Fact]
    public void A_filled_square_gives_a_closed_outline()
    {
        using var scope = NewDisposeScope();

        var result = Edges(TestImages.Drawn((row, column) => row is >= 8 and < 20 && column is >= 8 and < 20 ? (byte)255 : (byte)0));

        // By the same tie rule the left and top sides fall just outside the square, the right and
        // bottom ones on its last row and column.
        foreach (var along in Enumerable.Range(10, 8))
        {
            result[along, 7].Should().Be(Edge, because: $"left side, row {along}");
            result[along, 19].Should().Be(Edge, because: $"right side, row {along}");
            result[7, along].Should().Be(Edge, because: $"top side, column {along}");
            result[19, along].Should().Be(Edge, because: $"bottom side, column {along}");
        }

        EdgePixels(result).Should().OnlyContain(pixel => pixel.Row >= 7 && pixel.Row <= 19 && pixel.Column >= 7 && pixel.Column <= 19
            && !(pixel.Row > 9 && pixel.Row < 18 && pixel.Column > 9 && pixel.Column < 18), because: "edges lie on the outline only");
        ReachableFromCorner(result).Should().NotContain((14, 14), because: "the outline is closed: no 4-connected path leads inside");
    }

    [Fact]
    public void A_thin_line_gives_an_edge_on_each_side()
    {
        using var scope = NewDisposeScope();

        var result = Edges(TestImages.Drawn((row, column) => row == 14 && column is >= 4 and < 24 ? (byte)255 : (byte)0));

        // Across the line the gradient peaks on both neighbouring rows, not on the line; its ends
        // give one pixel each, again by the tie rule (the left one outside, the right one on it).
        var sides = from row in new[] { 13, 15 } from column in Enumerable.Range(4, 20) select (row, column);
        EdgePixels(result).Should().BeEquivalentTo(sides.Append((14, 3)).Append((14, 23)));
    }

    [Fact]
    public void Uses_the_thresholds_and_aperture_of_each_image()
    {
        using var scope = NewDisposeScope();
        Tensor Step(byte height) => TestImages.Drawn((_, column) => column >= 14 ? height : (byte)0);
        var images = cat([Step(60), Step(60), Step(20), Step(20)]);

        var result = Canny.Apply(images, tensor(new[] { 100.0, 100.0, 100.0, 100.0 }), tensor(new[] { 200.0, 250.0, 200.0, 200.0 }),
            tensor(new[] { 3.0, 3.0, 3.0, 7.0 }));

        // At aperture 3 a step of h has gradient 4h (weights 1, 2, 1 across it).
        EdgePixels(TestImages.Pixels(result, 0)).Should().HaveCount(TestImages.Side, because: "240 beats the high threshold 200");
        EdgePixels(TestImages.Pixels(result, 1)).Should().BeEmpty(because: "240 passes only the low threshold, and no strong pixel is near");
        EdgePixels(TestImages.Pixels(result, 2)).Should().BeEmpty(because: "80 is below the low threshold");

        // At aperture 7 it is 10h·64/16 = 40h (difference weights 5 + 4 + 1, smoothing 64, OpenCV's 1/16),
        // against thresholds divided by 16 as well.
        EdgePixels(TestImages.Pixels(result, 3)).Should().NotBeEmpty(because: "800 beats the high threshold 200/16");
    }

    private static HashSet<(int Row, int Column)> ReachableFromCorner(byte[,] result)
    {
        var reached = new HashSet<(int, int)> { (0, 0) };
        var frontier = new Queue<(int Row, int Column)>(reached);
        while (frontier.TryDequeue(out var pixel))
        {
            foreach (var (dy, dx) in new[] { (-1, 0), (1, 0), (0, -1), (0, 1) })
            {
                var next = (Row: pixel.Row + dy, Column: pixel.Column + dx);
                if (next.Row is >= 0 and < TestImages.Side && next.Column is >= 0 and < TestImages.Side
                    && result[next.Row, next.Column] == Background && reached.Add(next))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        return reached;
    }
}
