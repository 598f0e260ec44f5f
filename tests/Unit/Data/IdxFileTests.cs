using LaVae.Data;
using LaVae.Tests.Unit.Support;

namespace LaVae.Tests.Unit.Data;

public sealed class IdxFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Reads_raw_images_header_and_pixels()
    {
        byte[] pixels = IdxBytes.Pattern(3 * 4 * 5);
        string path = Save("images", IdxBytes.Images(3, 4, 5, pixels));

        var images = IdxFile.ReadImages(path);

        images.Count.Should().Be(3);
        images.Rows.Should().Be(4);
        images.Cols.Should().Be(5);
        images.Pixels.Should().Equal(pixels);
        images.Image(2).ToArray().Should().Equal(pixels[40..60]);
    }

    [Fact]
    public void Recognises_gzip_by_its_magic_not_by_the_file_name()
    {
        byte[] pixels = IdxBytes.Pattern(2 * 3 * 3);
        string path = Save("t10k-images-idx3-ubyte", IdxBytes.Gzip(IdxBytes.Images(2, 3, 3, pixels)));

        IdxFile.ReadImages(path).Pixels.Should().Equal(pixels);
    }

    [Fact]
    public void Reads_raw_and_gzipped_labels()
    {
        byte[] labels = [7, 2, 1, 0, 4];

        IdxFile.ReadLabels(Save("raw", IdxBytes.Labels(labels))).Labels.Should().Equal(labels);
        IdxFile.ReadLabels(Save("gz", IdxBytes.Gzip(IdxBytes.Labels(labels)))).Labels.Should().Equal(labels);
    }

    [Fact]
    public void Truncated_images_name_the_file_and_the_sizes()
    {
        byte[] whole = IdxBytes.Images(3, 4, 4, IdxBytes.Pattern(48));
        string path = Save("t10k-images-idx3-ubyte", whole[..30]);

        FluentActions.Invoking(() => IdxFile.ReadImages(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: expected 64 bytes for 3 images of 4x4, found 30.");
    }

    [Fact]
    public void Truncated_gzip_is_rejected_with_the_file_name()
    {
        byte[] gzip = IdxBytes.Gzip(IdxBytes.Images(50, 8, 8, IdxBytes.Pattern(50 * 64)));
        string path = Save("images.gz", gzip[..(gzip.Length / 2)]);

        FluentActions.Invoking(() => IdxFile.ReadImages(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: *");
    }

    [Fact]
    public void Corrupt_gzip_is_rejected_with_the_file_name()
    {
        byte[] gzip = IdxBytes.Gzip(IdxBytes.Images(50, 8, 8, IdxBytes.Pattern(50 * 64)));
        gzip.AsSpan(10, 40).Fill(0xFF);
        string path = Save("images.gz", gzip);

        FluentActions.Invoking(() => IdxFile.ReadImages(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: *");
    }

    [Fact]
    public void A_labels_file_is_not_read_as_images()
    {
        string path = Save("labels", IdxBytes.Labels([1, 2, 3]));

        FluentActions.Invoking(() => IdxFile.ReadImages(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: magic number 2049 (IDX labels), expected 2051 (IDX images).");
    }

    [Fact]
    public void An_unknown_magic_is_rejected()
    {
        string path = Save("labels", IdxBytes.Labels([1, 2, 3], magic: 0x0801_0000));

        FluentActions.Invoking(() => IdxFile.ReadLabels(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: magic number 134283264 (not an IDX file of unsigned bytes), expected 2049 (IDX labels).");
    }

    [Fact]
    public void A_count_larger_than_the_data_is_rejected()
    {
        string path = Save("images", IdxBytes.Images(5, 4, 4, IdxBytes.Pattern(3 * 16)));

        FluentActions.Invoking(() => IdxFile.ReadImages(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: expected 96 bytes for 5 images of 4x4, found 64.");
    }

    [Fact]
    public void Data_beyond_the_announced_count_is_rejected()
    {
        string path = Save("labels", IdxBytes.Labels([1, 2, 3, 4], count: 3));

        FluentActions.Invoking(() => IdxFile.ReadLabels(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: expected 11 bytes for 3 labels, found 12.");
    }

    [Fact]
    public void A_non_positive_dimension_is_rejected()
    {
        string path = Save("images", IdxBytes.Images(2, 0, 4, []));

        FluentActions.Invoking(() => IdxFile.ReadImages(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: the header gives rows 0; it must be positive.");
    }

    [Fact]
    public void A_file_too_short_for_a_magic_is_rejected()
    {
        string path = Save("stub", [0, 0]);

        FluentActions.Invoking(() => IdxFile.ReadLabels(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: expected an IDX file, found only 2 bytes.");
    }

    [Fact]
    public void A_short_header_is_rejected()
    {
        string path = Save("stub", IdxBytes.Images(1, 1, 1, [9])[..10]);

        FluentActions.Invoking(() => IdxFile.ReadImages(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: expected a 16-byte header, found 10 bytes.");
    }

    [Fact]
    public void Writes_raw_images_byte_for_byte_and_nothing_else()
    {
        byte[] pixels = IdxBytes.Pattern(2 * 3 * 4);
        string path = _folder.File("written-idx3-ubyte");

        IdxFile.WriteImages(path, new IdxImages(pixels, 2, 3, 4));

        File.ReadAllBytes(path).Should().Equal(IdxBytes.Images(2, 3, 4, pixels));
        IdxFile.ReadImages(path).Pixels.Should().Equal(pixels);
        _folder.AllFiles().Should().Equal("written-idx3-ubyte");
    }

    [Fact]
    public void Writing_images_whose_pixels_do_not_match_the_shape_fails_and_writes_nothing()
    {
        string path = _folder.File("bad");

        FluentActions.Invoking(() => IdxFile.WriteImages(path, new IdxImages(new byte[10], 2, 3, 4))).Should().Throw<ArgumentException>()
            .WithMessage("10 pixels do not make 2 images of 3x4.*");
        _folder.AllFiles().Should().BeEmpty();
    }

    private string Save(string name, byte[] bytes)
    {
        string path = _folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
