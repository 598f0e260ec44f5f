using System.Security.Cryptography;

namespace LaVae.DataFetching;

/// <summary>
/// MD5 as lowercase hex, the form the datasets' checksums are published in. MD5 guards against
/// corrupt or wrong downloads here, not against an attacker; it is what the publishers list.
/// </summary>
internal static class Md5
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    public static async Task<string> OfAsync(Stream stream, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));

    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            return await OfAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }
}
