namespace LaVae.Reports.Images;

/// <summary>
/// CRC-32 as PNG (and zip, gzip) use it: reflected polynomial 0xEDB88320, initial value and final
/// XOR 0xFFFFFFFF. Written here because the BCL has none (System.IO.Hashing is a separate package).
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> bytes) => Append(0, bytes);

    /// <summary>The CRC of the bytes <paramref name="crc"/> covered followed by <paramref name="bytes"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        uint register = ~crc;
        foreach (byte b in bytes)
        {
            register = Table[(register ^ b) & 0xFF] ^ (register >> 8);
        }

        return ~register;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
