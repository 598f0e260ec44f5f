using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class CanvasTests
{
    private static readonly RgbColour Red = new(255, 0, 0);

    [Fact]
    public void A_new_canvas_is_its_background_and_becomes_an_RGB_image()
    {
        var image = new Canvas(3, 2, new RgbColour(1, 2, 3)).ToImage();

        image.Shape.Should().Be("3x2 RGB");
        image.Pixels.Should().Equal([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3]);
    }

    [Fact]
    public void Rectangles_are_clipped_to_the_canvas()
    {
        var canvas = new Canvas(4, 4, RgbColour.White);

        canvas.FillRect(-2, 2, 4, 10, Red);

        InkPixels.Inside(canvas.ToImage(), 0, 0, 4, 4, RgbColour.White).Should().BeEquivalentTo([(0, 2), (1, 2), (0, 3), (1, 3)]);
    }

    [Fact]
    public void An_outline_is_one_pixel_inside_the_rectangle()
    {
        var canvas = new Canvas(5, 5, RgbColour.White);

        canvas.StrokeRect(1, 1, 3, 3, Red);

        InkPixels.Picture(canvas.ToImage(), RgbColour.White).Should().Equal(".....", ".###.", ".#.#.", ".###.", ".....");
    }

    [Fact]
    public void A_line_includes_both_ends_and_the_pixels_nearest_to_it_between()
    {
        var forward = new Canvas(7, 3, RgbColour.White);
        var backward = new Canvas(7, 3, RgbColour.White);

        forward.DrawLine(0, 0, 6, 2, Red);
        backward.DrawLine(6, 2, 0, 0, Red);

        string[] expected = ["##.....", "..###..", ".....##"];
        InkPixels.Picture(forward.ToImage(), RgbColour.White).Should().Equal(expected);
        InkPixels.Picture(backward.ToImage(), RgbColour.White).Should().Equal(expected, because: "a line is the same drawn either way");
    }

    [Fact]
    public void A_gray_tile_is_scaled_by_nearest_neighbour()
    {
        var canvas = new Canvas(5, 5, RgbColour.White);

        canvas.DrawGrayTile(1, 1, [10, 20, 30, 40], 2, 2, scale: 2);

        var image = canvas.ToImage();
        InkPixels.At(image, 1, 1).Should().Be(RgbColour.Gray(10));
        InkPixels.At(image, 2, 2).Should().Be(RgbColour.Gray(10));
        InkPixels.At(image, 3, 1).Should().Be(RgbColour.Gray(20));
        InkPixels.At(image, 1, 4).Should().Be(RgbColour.Gray(30));
        InkPixels.At(image, 4, 4).Should().Be(RgbColour.Gray(40));
        InkPixels.At(image, 0, 0).Should().Be(RgbColour.White);
    }

    [Fact]
    public void A_tile_of_the_wrong_size_is_rejected()
    {
        FluentActions.Invoking(() => new Canvas(4, 4, RgbColour.White).DrawGrayTile(0, 0, new byte[3], 2, 2))
            .Should().Throw<ArgumentException>().WithMessage("A 2x2 gray tile has 4 bytes, not 3.*");
    }
}
