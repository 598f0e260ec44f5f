using System.Buffers.Binary;
using System.IO.Compression;
using LaVae.IO;

namespace LaVae.Data;

/// <summary>
/// Reads and writes IDX files, the MNIST format: a big-endian int32 magic number, one big-endian
/// int32 per dimension (images: count, rows, cols; labels: count), then the unsigned bytes.
/// Reading accepts the raw file or its gzip (recognised by the gzip magic, not by the name).
/// Every problem is an <see cref="InvalidDataException"/> whose message starts with the path.
/// </summary>
public static class IdxFile
{
    public const int ImagesMagic = 2051;
    public const int LabelsMagic = 2049;

    private const int ImagesHeaderBytes = 16;
    private const int LabelsHeaderBytes = 8;

    public static IdxImages ReadImages(string path)
    {
        using var stream = OpenRawContent(path);
        Span<byte> header = stackalloc byte[ImagesHeaderBytes];
        int headerRead = ReadHeader(stream, header, ImagesMagic, path);
        int count = HeaderDimension(header, 1, "image count", path);
        int rows = HeaderDimension(header, 2, "rows", path);
        int cols = HeaderDimension(header, 3, "cols", path);

        long expected = ImagesHeaderBytes + ((long)count * rows * cols);
        byte[] pixels = ReadBody(stream, expected, headerRead, path, $"{count} images of {rows}x{cols}");
        return new IdxImages(pixels, count, rows, cols);
    }

    public static IdxLabels ReadLabels(string path)
    {
        using var stream = OpenRawContent(path);
        Span<byte> header = stackalloc byte[LabelsHeaderBytes];
        int headerRead = ReadHeader(stream, header, LabelsMagic, path);
        int count = HeaderDimension(header, 1, "label count", path);

        byte[] labels = ReadBody(stream, LabelsHeaderBytes + (long)count, headerRead, path, $"{count} labels");
        return new IdxLabels(labels);
    }

    /// <summary>Writes raw (uncompressed) IDX images; the file appears only once complete.</summary>
    public static void WriteImages(string path, IdxImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Pixels.Length != (long)images.Count * images.Rows * images.Cols)
        {
            throw new ArgumentException(
                $"{images.Pixels.Length} pixels do not make {images.Count} images of {images.Rows}x{images.Cols}.", nameof(images));
        }

        AtomicFile.Write(path, stream =>
        {
            Span<byte> header = stackalloc byte[ImagesHeaderBytes];
            BinaryPrimitives.WriteInt32BigEndian(header, ImagesMagic);
            BinaryPrimitives.WriteInt32BigEndian(header[4..], images.Count);
            BinaryPrimitives.WriteInt32BigEndian(header[8..], images.Rows);
            BinaryPrimitives.WriteInt32BigEndian(header[12..], images.Cols);
            stream.Write(header);
            stream.Write(images.Pixels);
        });
    }

    private static Stream OpenRawContent(string path)
    {
        var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        int read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
    }

    /// <summary>Reads the header and checks the magic; returns how many bytes it read.</summary>
    private static int ReadHeader(Stream stream, Span<byte> header, int expectedMagic, string path)
    {
        int read = ReadUpTo(stream, header, path);
        if (read < 4)
        {
            throw Invalid(path, $"expected an IDX file, found only {read} bytes");
        }

        int magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic != expectedMagic)
        {
            throw Invalid(path, $"magic number {magic} ({MagicMeaning(magic)}), expected {expectedMagic} ({MagicMeaning(expectedMagic)})");
        }

        if (read < header.Length)
        {
            throw Invalid(path, $"expected a {header.Length}-byte header, found {read} bytes");
        }

        return read;
    }

    private static string MagicMeaning(int magic) => magic switch
    {
        ImagesMagic => "IDX images",
        LabelsMagic => "IDX labels",
        _ => "not an IDX file of unsigned bytes",
    };

    private static int HeaderDimension(ReadOnlySpan<byte> header, int index, string what, string path)
    {
        int value = BinaryPrimitives.ReadInt32BigEndian(header[(index * 4)..]);
        return value > 0 ? value : throw Invalid(path, $"the header gives {what} {value}; it must be positive");
    }

    /// <summary>Reads exactly the body the header announced, and checks nothing follows it.</summary>
    private static byte[] ReadBody(Stream stream, long expectedFileBytes, int headerBytes, string path, string contents)
    {
        long bodyBytes = expectedFileBytes - headerBytes;
        if (bodyBytes > Array.MaxLength)
        {
            throw Invalid(path, $"the header announces {contents} ({expectedFileBytes} bytes), more than this reader holds in one array");
        }

        var body = new byte[bodyBytes];
        int read = ReadUpTo(stream, body, path);
        long found = headerBytes + read;
        if (read == body.Length)
        {
            Span<byte> rest = stackalloc byte[4096];
            for (int more; (more = ReadUpTo(stream, rest, path)) > 0;)
            {
                found += more;
            }
        }

        return found == expectedFileBytes
            ? body
            : throw Invalid(path, $"expected {expectedFileBytes} bytes for {contents}, found {found}");
    }

    /// <summary>Fills as much of <paramref name="buffer"/> as the stream has; a corrupt gzip stream becomes an error naming the file.</summary>
    private static int ReadUpTo(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw Invalid(path, $"the gzip data is corrupt ({e.Message})", e);
        }
    }

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"{path}: {problem}.", inner);
}
