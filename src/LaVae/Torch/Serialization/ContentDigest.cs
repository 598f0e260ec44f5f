using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LaVae.Torch.Serialization;

/// <summary>
/// The SHA-256 of what a safetensors file holds, independent of how its header is laid out: the
/// metadata sorted by key, then every tensor's name, dtype, shape and bytes in header order. Each
/// field is length-prefixed, so no two different contents feed the hash the same bytes.
/// </summary>
internal sealed class ContentDigest : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public ContentDigest(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            AddText("M");
            AddText(key);
            AddText(value);
        }
    }

    public void AddTensor(string name, string dtype, IReadOnlyList<long> shape, ReadOnlySpan<byte> data)
    {
        AddText("T");
        AddText(name);
        AddText(dtype);
        AddLong(shape.Count);
        foreach (var dim in shape)
        {
            AddLong(dim);
        }

        AddLong(data.Length);
        hash.AppendData(data);
    }

    /// <summary>Lowercase hex.</summary>
    public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();

    private void AddText(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AddLong(bytes.Length);
        hash.AppendData(bytes);
    }

    private void AddLong(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }
}
