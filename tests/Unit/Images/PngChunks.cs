using System.IO.Compression;
using System.Text;

namespace LaVae.Tests.Unit.Images;

/// <summary>A PNG taken apart, and put together, by hand, independently of the writer and reader under test.</summary>
internal static class PngChunks
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public sealed record Chunk(string Type, byte[] Data, uint StoredCrc);

    /// <summary>The chunks after the signature, which the caller checks separately.</summary>
    public static List<Chunk> Split(byte[] png)
    {
        var chunks = new List<Chunk>();
        for (int offset = Signature.Length; offset < png.Length;)
        {
            int length = (int)BigEndian(png, offset);
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            byte[] data = png[(offset + 8)..(offset + 8 + length)];
            chunks.Add(new Chunk(type, data, BigEndian(png, offset + 8 + length)));
            offset += 12 + length;
        }

        return chunks;
    }

    public static uint CrcOf(Chunk chunk) => ReferenceCrc32.Of([.. Encoding.ASCII.GetBytes(chunk.Type), .. chunk.Data]);

    public static uint BigEndian(byte[] bytes, int offset) =>
        ((uint)bytes[offset] << 24) | ((uint)bytes[offset + 1] << 16) | ((uint)bytes[offset + 2] << 8) | bytes[offset + 3];

    public static byte[] Inflate(byte[] zlib)
    {
        using var inflated = new MemoryStream();
        using (var stream = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress))
        {
            stream.CopyTo(inflated);
        }

        return inflated.ToArray();
    }

    public static byte[] Deflate(byte[] raw)
    {
        using var deflated = new MemoryStream();
        using (var stream = new ZLibStream(deflated, CompressionLevel.Optimal))
        {
            stream.Write(raw);
        }

        return deflated.ToArray();
    }

    /// <summary>A chunk as it appears in the file: length, type, data, CRC.</summary>
    public static byte[] Encode(string type, byte[] data)
    {
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        return [.. ToBigEndian((uint)data.Length), .. typeBytes, .. data, .. ToBigEndian(ReferenceCrc32.Of([.. typeBytes, .. data]))];
    }

    public static byte[] Header(int width, int height, byte colorType, byte bitDepth = 8, byte interlace = 0) =>
        [.. ToBigEndian((uint)width), .. ToBigEndian((uint)height), bitDepth, colorType, 0, 0, interlace];

    public static byte[] ToBigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
