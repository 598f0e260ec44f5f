using System.Text;
using LaVae.Data;
using LaVae.Tests.Unit.Support;
using LaVae.DataFetching;
using LaVae.Tests.Unit.Data;

namespace LaVae.Tests.Unit.DataFetching;

public sealed class Md5Tests
{
    [Theory]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("The quick brown fox jumps over the lazy dog", "9e107d9d372bb6826bd81d3542a419d6")]
    public void Matches_the_RFC_1321_digests_in_lowercase_hex(string text, string expected) =>
        Md5.Of(Encoding.ASCII.GetBytes(text)).Should().Be(expected);

    [Fact]
    public async Task A_file_hashes_like_its_bytes()
    {
        using var folder = new TempFolder();
        byte[] bytes = IdxBytes.Pattern(300_000);
        string path = folder.File("data");
        await File.WriteAllBytesAsync(path, bytes);

        (await Md5.OfFileAsync(path, CancellationToken.None)).Should().Be(Md5.Of(bytes));
    }
}
