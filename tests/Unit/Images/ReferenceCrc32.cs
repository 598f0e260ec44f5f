namespace LaVae.Tests.Unit.Images;

/// <summary>CRC-32 computed bit by bit, straight from its definition, to check the table-driven one.</summary>
internal static class ReferenceCrc32
{
    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ ((crc & 1) * 0xEDB88320);
            }
        }

        return ~crc;
    }
}
