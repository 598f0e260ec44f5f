using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

public class ShearXTests
{
    private const double Centre = TestImages.Side / 2.0 - 0.5;

    /// <summary>A white vertical bar two pixels wide through the middle, full height.</summary>
    private static Tensor Bar() => TestImages.Drawn((_, column) => column is 13 or 14 ? (byte)255 : (byte)0);

    [Fact]
    public void A_negative_angle_moves_rows_below_the_centre_right_and_rows_above_it_left()
    {
        using var scope = NewDisposeScope();

        var sheared = TestImages.Pixels(ShearX.Apply(Bar(), tensor(new[] { -47.5 })));

        var barCentre = Centre;
        Centroid(sheared, 7).Should().BeLessThan(barCentre - 3, because: "imgaug's ShearX with a negative angle leans a vertical bar like '\\'");
        Centroid(sheared, 20).Should().BeGreaterThan(barCentre + 3);
    }

    [Theory]
    [InlineData(-45.0)]
    [InlineData(-50.0)]
    public void The_bar_leans_by_the_tangent_of_the_angle(double degrees)
    {
        using var scope = NewDisposeScope();

        var sheared = TestImages.Pixels(ShearX.Apply(Bar(), tensor(new[] { degrees })));

        var slope = (Centroid(sheared, 20) - Centroid(sheared, 7)) / 13;
        slope.Should().BeApproximately(Math.Tan(-degrees * Math.PI / 180), 0.05, because: "x' = x − sin(s)·y, y' = cos(s)·y shifts output rows by tan|s| per row");
    }

    [Fact]
    public void Rows_are_squeezed_towards_the_centre_by_the_cosine_of_the_angle()
    {
        using var scope = NewDisposeScope();

        var sheared = TestImages.Pixels(ShearX.Apply(Bar(), tensor(new[] { -45.0 })));

        // The 28 input rows land on 28·cos(45°) ≈ 19.8 output rows; the top and bottom rows are empty.
        foreach (var row in new[] { 0, 1, 2, 3, 24, 25, 26, 27 })
        {
            Enumerable.Range(0, TestImages.Side).Sum(column => sheared[row, column]).Should().Be(0, because: $"row {row} maps from outside the image");
        }

        Enumerable.Range(5, 18).Should().OnlyContain(row => Enumerable.Range(0, TestImages.Side).Sum(column => sheared[row, column]) > 0);
    }

    [Fact]
    public void Drawn_angles_lie_between_minus_50_and_minus_45_degrees()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(17);
        var bars = Bar().expand(64, TestImages.Side, TestImages.Side).contiguous();

        var sheared = new ShearX().Apply(bars, generator);

        var slopes = Enumerable.Range(0, 64).Select(index =>
        {
            var pixels = TestImages.Pixels(sheared, index);
            return (Centroid(pixels, 20) - Centroid(pixels, 7)) / 13;
        }).ToArray();
        slopes.Should().OnlyContain(slope => slope > Math.Tan(45 * Math.PI / 180) - 0.05 && slope < Math.Tan(50 * Math.PI / 180) + 0.05);
        (slopes.Max() - slopes.Min()).Should().BeGreaterThan(0.1, because: "the angle is drawn per image");
    }

    private static double Centroid(byte[,] pixels, int row)
    {
        var columns = Enumerable.Range(0, TestImages.Side);
        return columns.Sum(column => (double)column * pixels[row, column]) / columns.Sum(column => (double)pixels[row, column]);
    }
}
