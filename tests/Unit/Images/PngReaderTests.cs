using LaVae.Reports.Images;
using LaVae.Tests.Unit.Support;

namespace LaVae.Tests.Unit.Images;

public sealed class PngReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<int> ChannelCounts => [1, 3, 4];

    [Theory]
    [MemberData(nameof(ChannelCounts))]
    public void What_the_writer_writes_reads_back_unchanged(int channels)
    {
        var image = new RasterImage(7, 5, channels, Pattern(7 * 5 * channels));
        string path = _folder.File("round-trip.png");
        PngWriter.Write(path, image);

        var read = PngReader.Read(path);

        (read.Width, read.Height, read.Channels).Should().Be((7, 5, channels));
        read.Pixels.Should().Equal(image.Pixels);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 1)]
    [InlineData(1, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(4, 4)]
    public void Every_row_filter_is_undone(byte filter, int channels)
    {
        byte[] pixels = Pattern(6 * 4 * channels);
        string path = Save(HandMade(6, 4, channels, RowFilters.Filter(pixels, 6, 4, channels, _ => filter)));

        PngReader.Read(path).Pixels.Should().Equal(pixels);
    }

    [Fact]
    public void Paeth_ties_go_to_left_then_up_then_up_left()
    {
        // Pixel (1,1): left 110, up 80, up-left 100: up and up-left are equally close, up wins.
        // Pixel (1,2): left 90, up 120, up-left 110: left and up-left are equally close, left wins.
        byte[] pixels = [100, 80, 110, 120, 90, 7];
        string path = Save(HandMade(2, 3, 1, RowFilters.Filter(pixels, 2, 3, 1, _ => 4)));

        PngReader.Read(path).Pixels.Should().Equal(pixels);
    }

    [Fact]
    public void Rows_may_each_use_another_filter()
    {
        byte[] pixels = Pattern(9 * 5 * 3);
        string path = Save(HandMade(9, 5, 3, RowFilters.Filter(pixels, 9, 5, 3, y => (byte)(4 - y))));

        PngReader.Read(path).Pixels.Should().Equal(pixels);
    }

    [Fact]
    public void Image_data_split_over_several_IDAT_chunks_and_ancillary_chunks_are_read()
    {
        byte[] pixels = Pattern(8 * 8);
        byte[] zlib = PngChunks.Deflate(RowFilters.Filter(pixels, 8, 8, 1, _ => 2));
        string path = Save([
            .. PngChunks.Signature,
            .. PngChunks.Encode("IHDR", PngChunks.Header(8, 8, colorType: 0)),
            .. PngChunks.Encode("tEXt", "Comment\0made by hand"u8.ToArray()),
            .. PngChunks.Encode("IDAT", zlib[..5]),
            .. PngChunks.Encode("IDAT", zlib[5..]),
            .. PngChunks.Encode("IEND", [])]);

        PngReader.Read(path).Pixels.Should().Equal(pixels);
    }

    [Fact]
    public void A_chunk_with_a_wrong_CRC_is_rejected_naming_the_file()
    {
        byte[] png = HandMade(2, 2, 1, RowFilters.Filter([1, 2, 3, 4], 2, 2, 1, _ => 0));
        png[^13] ^= 0xFF; // the last byte of the IDAT CRC, just before the 12-byte IEND chunk
        string path = Save(png);

        FluentActions.Invoking(() => PngReader.Read(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: chunk IDAT at byte 33 has CRC *, its content gives *");
    }

    [Fact]
    public void A_truncated_file_is_rejected_naming_the_file()
    {
        byte[] png = HandMade(4, 4, 1, RowFilters.Filter(Pattern(16), 4, 4, 1, _ => 0));
        string path = Save(png[..50]);

        FluentActions.Invoking(() => PngReader.Read(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: chunk IDAT at byte 33 announces * bytes; the file ends before that");
    }

    [Fact]
    public void Image_data_too_short_for_the_size_is_rejected()
    {
        string path = Save(HandMade(4, 4, 1, RowFilters.Filter(Pattern(12), 4, 3, 1, _ => 0)));

        FluentActions.Invoking(() => PngReader.Read(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: the image data holds 15 bytes, a 4x4 image needs 20");
    }

    [Fact]
    public void An_unknown_row_filter_is_rejected()
    {
        string path = Save(HandMade(2, 1, 1, [5, 1, 2]));

        FluentActions.Invoking(() => PngReader.Read(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: row 0 has filter type 5; only 0 to 4 exist");
    }

    [Theory]
    [InlineData(0, 8, 1, "interlaced PNGs are not supported")]
    [InlineData(0, 16, 0, "bit depth 16 is not supported, only 8")]
    [InlineData(3, 8, 0, "colour type 3 is not supported, only 0 (gray), 2 (RGB) and 6 (RGBA)")]
    public void Unsupported_formats_are_named(byte colorType, byte bitDepth, byte interlace, string problem)
    {
        string path = Save([
            .. PngChunks.Signature,
            .. PngChunks.Encode("IHDR", PngChunks.Header(2, 2, colorType, bitDepth, interlace)),
            .. PngChunks.Encode("IDAT", PngChunks.Deflate(new byte[6])),
            .. PngChunks.Encode("IEND", [])]);

        FluentActions.Invoking(() => PngReader.Read(path)).Should().Throw<InvalidDataException>().WithMessage($"{path}: {problem}");
    }

    [Fact]
    public void A_file_that_is_not_a_PNG_is_rejected()
    {
        string path = Save("GIF89a"u8.ToArray());

        FluentActions.Invoking(() => PngReader.Read(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: not a PNG file (the signature is missing)");
    }

    private static byte[] HandMade(int width, int height, int channels, byte[] filteredRows)
    {
        byte colorType = channels switch { 1 => 0, 3 => 2, _ => 6 };
        return [
            .. PngChunks.Signature,
            .. PngChunks.Encode("IHDR", PngChunks.Header(width, height, colorType)),
            .. PngChunks.Encode("IDAT", PngChunks.Deflate(filteredRows)),
            .. PngChunks.Encode("IEND", [])];
    }

    /// <summary>Seeded noise: odd and even values, sums that wrap around, ties in the Paeth predictor, so every filter's arithmetic matters.</summary>
    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private string Save(byte[] bytes)
    {
        string path = _folder.File($"{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
