using System.IO.Compression;

namespace LaVae.Tests.Unit.Data;

/// <summary>IDX files built byte by byte, independently of the reader and writer under test.</summary>
internal static class IdxBytes
{
    public static byte[] Images(int count, int rows, int cols, byte[] pixels, int magic = 2051) =>
        [.. BigEndian(magic), .. BigEndian(count), .. BigEndian(rows), .. BigEndian(cols), .. pixels];

    public static byte[] Labels(byte[] labels, int magic = 2049, int? count = null) =>
        [.. BigEndian(magic), .. BigEndian(count ?? labels.Length), .. labels];

    /// <summary>Pixels that differ from image to image and from position to position.</summary>
    public static byte[] Pattern(int length, int seed = 0) =>
        [.. Enumerable.Range(0, length).Select(i => (byte)((i * 37) + (seed * 11) + 5))];

    public static byte[] Gzip(byte[] raw)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal))
        {
            gzip.Write(raw);
        }

        return packed.ToArray();
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
