using System.Buffers.Binary;
using System.Text;

namespace LaVae.Reports.Images;

/// <summary>The parts of the PNG format (RFC 2083) that the writer and the reader share.</summary>
internal static class PngFormat
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public const int IhdrLength = 13;

    /// <summary>Colour types for 1, 3 and 4 channels: grayscale, truecolour, truecolour with alpha.</summary>
    public static byte ColorType(int channels) => channels switch
    {
        1 => 0,
        3 => 2,
        4 => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, null),
    };

    public static int? Channels(byte colorType) => colorType switch
    {
        0 => 1,
        2 => 3,
        6 => 4,
        _ => null,
    };

    /// <summary>A chunk's CRC covers its type and its data, not its length.</summary>
    public static uint ChunkCrc(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data) => Crc32.Append(Crc32.Compute(type), data);

    public static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ChunkCrc(typeBytes, data));
        output.Write(word);
    }
}
