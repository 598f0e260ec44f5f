using System.Text;
using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class Crc32Tests
{
    [Fact]
    public void Gives_the_standard_check_value() =>
        Crc32.Compute("123456789"u8).Should().Be(0xCBF43926, because: "CRC-32/ISO-HDLC's published check value");

    [Fact]
    public void Agrees_with_a_bitwise_computation_on_every_byte_value()
    {
        byte[] bytes = [.. Enumerable.Range(0, 1000).Select(i => (byte)((i * 131) ^ (i >> 3)))];

        Crc32.Compute(bytes).Should().Be(ReferenceCrc32.Of(bytes));
    }

    [Fact]
    public void Appending_continues_a_running_CRC()
    {
        byte[] first = Encoding.ASCII.GetBytes("IDAT"), second = [0, 1, 2, 250, 251];

        Crc32.Append(Crc32.Compute(first), second).Should().Be(Crc32.Compute([.. first, .. second]));
    }
}
