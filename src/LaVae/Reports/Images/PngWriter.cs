using System.Buffers.Binary;
using System.IO.Compression;
using LaVae.IO;

namespace LaVae.Reports.Images;

/// <summary>Writes 8-bit grayscale, RGB or RGBA PNG files, non-interlaced.</summary>
public static class PngWriter
{
    /// <summary>Writes the image; the file appears only once complete.</summary>
    public static void Write(string path, RasterImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        AtomicFile.Write(path, stream => Encode(image, stream));
    }

    internal static void Encode(RasterImage image, Stream output)
    {
        output.Write(PngFormat.Signature);

        Span<byte> header = stackalloc byte[PngFormat.IhdrLength];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8; // bits per channel
        header[9] = PngFormat.ColorType(image.Channels);
        header[10] = 0; // compression: zlib deflate, the only one defined
        header[11] = 0; // filtering: the five adaptive filters, the only method defined
        header[12] = 0; // no interlacing
        PngFormat.WriteChunk(output, "IHDR", header);
        PngFormat.WriteChunk(output, "IDAT", CompressedRows(image));
        PngFormat.WriteChunk(output, "IEND", []);
    }

    /// <summary>
    /// Every row with filter type 0 (None): LaVae's images are small grids of digits, mostly flat,
    /// which deflate shrinks well without a predictor.
    /// </summary>
    private static byte[] CompressedRows(RasterImage image)
    {
        int stride = image.Width * image.Channels;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (int y = 0; y < image.Height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(image.Pixels, y * stride, stride);
            }
        }

        return compressed.ToArray();
    }
}
