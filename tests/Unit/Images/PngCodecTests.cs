using LaVae.Reports.Images;
using LaVae.Tests.Unit.Support;

namespace LaVae.Tests.Unit.Images;

/// <summary>PNG files through Skia's codec: what is written is read back unchanged, with its channels.</summary>
public sealed class PngCodecTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<int> Channels() => [1, 3, 4];

    [Theory]
    [MemberData(nameof(Channels))]
    public void An_image_is_read_back_as_written(int channels)
    {
        var pixels = Enumerable.Range(0, 5 * 3 * channels).Select(i => (byte)((i * 37) % 256)).ToArray();
        var image = new RasterImage(5, 3, channels, pixels);
        var path = _folder.File("image.png");

        PngWriter.Write(path, image);
        var read = PngReader.Read(path);

        read.Shape.Should().Be(image.Shape);
        read.Pixels.Should().Equal(pixels);
    }

    [Fact]
    public void Writing_the_same_image_twice_gives_the_same_bytes()
    {
        var image = RasterImage.Rgb(4, 4, [.. Enumerable.Range(0, 48).Select(i => (byte)(i * 5))]);

        PngWriter.Write(_folder.File("a.png"), image);
        PngWriter.Write(_folder.File("b.png"), image);

        File.ReadAllBytes(_folder.File("a.png")).Should().Equal(File.ReadAllBytes(_folder.File("b.png")));
    }

    [Fact]
    public void A_file_that_is_not_a_png_is_named_in_the_error()
    {
        var path = _folder.File("broken.png");
        File.WriteAllText(path, "not an image");

        FluentActions.Invoking(() => PngReader.Read(path)).Should().Throw<InvalidDataException>().WithMessage($"{path}: *");
    }
}
