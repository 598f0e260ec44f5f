using LaVae.Reports.Images;
using LaVae.Tests.Unit.Support;

namespace LaVae.Tests.Unit.Images;

public sealed class PngWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_gray_image_becomes_signature_IHDR_IDAT_IEND_with_valid_CRCs()
    {
        byte[] pixels = [.. Enumerable.Range(0, 15).Select(i => (byte)(i * 17))];
        byte[] png = WriteAndRead(RasterImage.Gray(5, 3, pixels));

        png[..8].Should().Equal(PngChunks.Signature);
        var chunks = PngChunks.Split(png);
        chunks.Select(c => c.Type).Should().Equal("IHDR", "IDAT", "IEND");
        chunks.Should().OnlyContain(c => c.StoredCrc == PngChunks.CrcOf(c), because: "every chunk's CRC covers its type and data");
        chunks[2].StoredCrc.Should().Be(0xAE426082, because: "that is the CRC of every empty IEND");

        var ihdr = chunks[0].Data;
        PngChunks.BigEndian(ihdr, 0).Should().Be(5, because: "the width");
        PngChunks.BigEndian(ihdr, 4).Should().Be(3, because: "the height");
        ihdr[8..].Should().Equal([8, 0, 0, 0, 0], because: "8 bits, grayscale, deflate, adaptive filtering, not interlaced");

        PngChunks.Inflate(chunks[1].Data).Should().Equal(
            [0, .. pixels[0..5], 0, .. pixels[5..10], 0, .. pixels[10..15]], because: "each row is its filter byte (None) and its pixels");
    }

    [Fact]
    public void An_RGB_image_has_colour_type_2_and_three_bytes_a_pixel()
    {
        byte[] pixels = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30];
        var chunks = PngChunks.Split(WriteAndRead(RasterImage.Rgb(2, 2, pixels)));

        chunks[0].Data[9].Should().Be(2);
        PngChunks.Inflate(chunks[1].Data).Should().Equal([0, .. pixels[0..6], 0, .. pixels[6..12]]);
    }

    [Fact]
    public void Writing_over_a_file_replaces_it_and_leaves_no_temporary_file()
    {
        string path = _folder.File("image.png");
        File.WriteAllText(path, "old");

        PngWriter.Write(path, RasterImage.Gray(1, 1, [7]));

        PngReader.Read(path).Pixels.Should().Equal(7);
        _folder.AllFiles().Should().Equal("image.png");
    }

    private byte[] WriteAndRead(RasterImage image)
    {
        string path = _folder.File("image.png");
        PngWriter.Write(path, image);
        return File.ReadAllBytes(path);
    }
}
