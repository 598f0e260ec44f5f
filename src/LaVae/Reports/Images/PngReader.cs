using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LaVae.Reports.Images;

/// <summary>
/// Reads 8-bit grayscale, RGB and RGBA PNG files, non-interlaced, with any of the five row filters:
/// what LaVae writes and what image editors save such images as. Anything else, and any corrupt
/// file, is an <see cref="InvalidDataException"/> whose message starts with the path.
/// </summary>
public static class PngReader
{
    public static RasterImage Read(string path)
    {
        byte[] png = File.ReadAllBytes(path);
        try
        {
            return Decode(png);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    internal static RasterImage Decode(ReadOnlySpan<byte> png)
    {
        if (!png.StartsWith(PngFormat.Signature))
        {
            throw new InvalidDataException("not a PNG file (the signature is missing)");
        }

        (int width, int height, int channels)? header = null;
        using var imageData = new MemoryStream();
        int offset = PngFormat.Signature.Length;
        while (true)
        {
            var (type, dataStart, dataLength) = NextChunk(png, offset);
            var data = png.Slice(dataStart, dataLength);
            offset = dataStart + dataLength + 4;
            switch (type)
            {
                case "IHDR":
                    header = ParseHeader(data);
                    break;
                case "IDAT" when header is null:
                    throw new InvalidDataException("IDAT comes before IHDR");
                case "IDAT":
                    imageData.Write(data);
                    break;
                case "IEND" when header is { } h:
                    return new RasterImage(h.width, h.height, h.channels, Unfilter(Inflate(imageData, h.width, h.height, h.channels), h.width, h.height, h.channels));
                case "IEND":
                    throw new InvalidDataException("IEND comes before IHDR");
                default:
                    break; // ancillary chunks (gamma, text, ...) do not change 8-bit pixel values
            }
        }
    }

    /// <summary>Checks the chunk at <paramref name="offset"/>, CRC included; returns its type and where its data lies.</summary>
    private static (string Type, int DataStart, int DataLength) NextChunk(ReadOnlySpan<byte> png, int offset)
    {
        if (png.Length - offset < 12)
        {
            throw new InvalidDataException($"the file ends at byte {png.Length}, inside a chunk header, before IEND");
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
        var typeBytes = png.Slice(offset + 4, 4);
        string type = Encoding.ASCII.GetString(typeBytes);
        if (length > png.Length - offset - 12)
        {
            throw new InvalidDataException($"chunk {type} at byte {offset} announces {length} bytes; the file ends before that");
        }

        var data = png.Slice(offset + 8, (int)length);
        uint storedCrc = BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + (int)length)..]);
        uint actualCrc = PngFormat.ChunkCrc(typeBytes, data);
        if (storedCrc != actualCrc)
        {
            throw new InvalidDataException($"chunk {type} at byte {offset} has CRC {storedCrc:x8}, its content gives {actualCrc:x8}");
        }

        return (type, offset + 8, (int)length);
    }

    private static (int Width, int Height, int Channels) ParseHeader(ReadOnlySpan<byte> ihdr)
    {
        if (ihdr.Length != PngFormat.IhdrLength)
        {
            throw new InvalidDataException($"IHDR has {ihdr.Length} bytes, expected {PngFormat.IhdrLength}");
        }

        int width = BinaryPrimitives.ReadInt32BigEndian(ihdr);
        int height = BinaryPrimitives.ReadInt32BigEndian(ihdr[4..]);
        byte bitDepth = ihdr[8], colorType = ihdr[9], interlace = ihdr[12];
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"IHDR gives a size of {width}x{height}");
        }

        if (bitDepth != 8)
        {
            throw new InvalidDataException($"bit depth {bitDepth} is not supported, only 8");
        }

        if (interlace != 0)
        {
            throw new InvalidDataException("interlaced PNGs are not supported");
        }

        return PngFormat.Channels(colorType) is { } channels
            ? (width, height, channels)
            : throw new InvalidDataException($"colour type {colorType} is not supported, only 0 (gray), 2 (RGB) and 6 (RGBA)");
    }

    /// <summary>The filtered rows: each a filter-type byte followed by the row's bytes.</summary>
    private static byte[] Inflate(MemoryStream imageData, int width, int height, int channels)
    {
        long expected = (long)height * (1 + ((long)width * channels));
        if (expected > Array.MaxLength)
        {
            throw new InvalidDataException($"a {width}x{height} image is too large for this reader");
        }

        var rows = new byte[expected];
        imageData.Position = 0;
        using var zlib = new ZLibStream(imageData, CompressionMode.Decompress);
        int read;
        try
        {
            read = zlib.ReadAtLeast(rows, rows.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"the image data is not valid zlib ({e.Message})", e);
        }

        return read == rows.Length
            ? rows
            : throw new InvalidDataException($"the image data holds {read} bytes, a {width}x{height} image needs {expected}");
    }

    /// <summary>Undoes the per-row filters (PNG specification, section 6) and drops the filter bytes.</summary>
    private static byte[] Unfilter(byte[] rows, int width, int height, int bytesPerPixel)
    {
        int stride = width * bytesPerPixel;
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = rows[y * (stride + 1)];
            var line = pixels.AsSpan(y * stride, stride);
            rows.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(line);
            ReadOnlySpan<byte> above = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (int i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
                int up = above[i];
                int upLeft = i >= bytesPerPixel ? above[i - bytesPerPixel] : 0;
                int prediction = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"row {y} has filter type {filter}; only 0 to 4 exist"),
                };
                line[i] = (byte)(line[i] + prediction);
            }
        }

        return pixels;
    }

    /// <summary>The neighbour (left, up, up-left) closest to left + up - upLeft; ties in that order.</summary>
    private static int Paeth(int left, int up, int upLeft)
    {
        int estimate = left + up - upLeft;
        int toLeft = Math.Abs(estimate - left), toUp = Math.Abs(estimate - up), toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
