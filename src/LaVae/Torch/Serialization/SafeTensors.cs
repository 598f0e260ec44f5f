using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LaVae.IO;

namespace LaVae.Torch.Serialization;

/// <summary>A safetensors file's contents: named tensors and free-form string metadata.</summary>
public sealed record SafeTensorsContent(IReadOnlyDictionary<string, Tensor> Tensors, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// The safetensors format (readable by PyTorch's safetensors package): an 8-byte little-endian
/// header length, a JSON header mapping names to {dtype, shape, data_offsets}, then the raw
/// little-endian bytes. Writes are atomic (temp file, then rename) so a crash never leaves a
/// half-written checkpoint where a good one was, and record a checksum of the content so bytes
/// changed later (a bad disk, a poisoned file) are caught on load instead of trusted.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";

    /// <summary>
    /// The metadata entry that holds the SHA-256 of the content (see <see cref="ContentDigest"/>).
    /// Load verifies it and leaves it out of the metadata it returns; files from other writers lack it
    /// and load unverified unless the caller requires it (a checkpoint this code wrote always has one, so
    /// one without it was edited and is not trusted).
    /// </summary>
    internal const string ChecksumKey = "lavae.content_sha256";

    private static readonly Dictionary<ScalarType, string> Codes = new()
    {
        [ScalarType.Float32] = "F32",
        [ScalarType.Float64] = "F64",
        [ScalarType.Float16] = "F16",
        [ScalarType.Int64] = "I64",
        [ScalarType.Int32] = "I32",
        [ScalarType.Int16] = "I16",
        [ScalarType.Int8] = "I8",
        [ScalarType.Byte] = "U8",
        [ScalarType.Bool] = "BOOL",
    };

    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        metadata ??= new Dictionary<string, string>();
        if (metadata.ContainsKey(ChecksumKey))
        {
            throw new ArgumentException($"metadata key '{ChecksumKey}' is reserved for the content checksum", nameof(metadata));
        }

        var entries = new List<KeyValuePair<string, JsonNode?>>();
        var blobs = new List<byte[]>();
        long offset = 0;
        using var digest = new ContentDigest(metadata);
        foreach (var (name, tensor) in tensors)
        {
            var bytes = tensor.ToBytes();
            var code = Codes[tensor.dtype];
            entries.Add(KeyValuePair.Create(name, (JsonNode?)new JsonObject
            {
                ["dtype"] = code,
                ["shape"] = new JsonArray(tensor.shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes.Length),
            }));
            digest.AddTensor(name, code, tensor.shape, bytes);
            offset += bytes.Length;
            blobs.Add(bytes);
        }

        var recorded = new JsonObject(metadata.Append(KeyValuePair.Create(ChecksumKey, digest.Finish()))
            .Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        var header = new JsonObject([KeyValuePair.Create(MetadataKey, (JsonNode?)recorded), .. entries]);

        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8; // the reference writer pads the header with spaces to 8 bytes
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            stream.Write(length);
            stream.Write(json);
            for (var i = json.Length; i < padded; i++)
            {
                stream.WriteByte((byte)' ');
            }

            foreach (var blob in blobs)
            {
                stream.Write(blob);
            }
        });
    }

    /// <exception cref="CorruptFileException">
    /// The file is truncated, its header is malformed, its content does not match its checksum, or it has
    /// none and <paramref name="requireChecksum"/> is set.
    /// </exception>
    public static SafeTensorsContent Load(string path, Device? device = null, bool requireChecksum = false)
    {
        var bytes = File.ReadAllBytes(path);
        var (metadata, entries, dataStart) = Verified(path, bytes, requireChecksum);
        var tensors = entries.ToDictionary(entry => entry.Name, entry => TensorHost.FromBytes(Data(bytes, dataStart, entry), entry.DType, entry.Shape, device));
        return new SafeTensorsContent(tensors, metadata);
    }

    /// <summary>Checks a file as <see cref="Load"/> with a required checksum does, without building its tensors; returns its metadata.</summary>
    /// <exception cref="CorruptFileException">As for <see cref="Load"/>.</exception>
    public static IReadOnlyDictionary<string, string> Verify(string path) => Verified(path, File.ReadAllBytes(path), requireChecksum: true).Metadata;

    private static (Dictionary<string, string> Metadata, List<Entry> Entries, int DataStart) Verified(string path, byte[] bytes, bool requireChecksum)
    {
        var (metadata, entries, dataStart) = ReadHeader(path, bytes);
        if (!metadata.Remove(ChecksumKey, out var recorded))
        {
            if (requireChecksum)
            {
                throw Invalid(path, $"its header has no content checksum ('{ChecksumKey}')");
            }
        }
        else
        {
            using var digest = new ContentDigest(metadata);
            foreach (var entry in entries)
            {
                digest.AddTensor(entry.Name, Codes[entry.DType], entry.Shape, Data(bytes, dataStart, entry));
            }

            var actual = digest.Finish();
            if (actual != recorded)
            {
                throw Invalid(path, $"its content does not match its checksum (SHA-256 {actual[..12]}…, recorded {recorded[..Math.Min(12, recorded.Length)]}…)");
            }
        }

        return (metadata, entries, dataStart);
    }

    private sealed record Entry(string Name, ScalarType DType, long[] Shape, long Start, long Length);

    private static ReadOnlySpan<byte> Data(byte[] bytes, int dataStart, Entry entry) =>
        bytes.AsSpan(dataStart + (int)entry.Start, (int)entry.Length);

    /// <summary>Parses and checks the header: every entry's bytes lie inside the file and match its dtype and shape.</summary>
    private static (Dictionary<string, string> Metadata, List<Entry> Entries, int DataStart) ReadHeader(string path, byte[] bytes)
    {
        if (bytes.Length < 8)
        {
            throw Invalid(path, $"{bytes.Length} bytes is too short for a header length");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw Invalid(path, $"header length {headerLength} exceeds the file ({bytes.Length} bytes)");
        }

        JsonObject header;
        try
        {
            header = JsonNode.Parse(bytes.AsSpan(8, (int)headerLength), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw Invalid(path, "header is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"header is not valid JSON: {e.Message}", e);
        }

        var dataStart = 8 + (int)headerLength;
        var metadata = new Dictionary<string, string>();
        var entries = new List<Entry>();
        foreach (var (name, node) in header)
        {
            if (name == MetadataKey)
            {
                foreach (var (key, value) in node as JsonObject ?? throw Invalid(path, $"{MetadataKey} is not an object"))
                {
                    metadata[key] = String(value) ?? throw Invalid(path, $"metadata '{key}' is not a string");
                }

                continue;
            }

            var entry = node as JsonObject ?? throw Invalid(path, $"entry '{name}' is not an object");
            var code = String(entry["dtype"]) ?? throw Invalid(path, $"'{name}' has no dtype");
            var dtype = Codes.FirstOrDefault(kv => kv.Value == code).Key;
            if (!Codes.ContainsKey(dtype) || Codes[dtype] != code)
            {
                throw Invalid(path, $"'{name}' has unsupported dtype {code}");
            }

            var shape = Integers(entry["shape"]) is { } dims && dims.All(d => d >= 0)
                ? dims
                : throw Invalid(path, $"'{name}' has no shape of non-negative integers");
            var offsets = Integers(entry["data_offsets"]);
            if (offsets is not { Length: 2 } || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > bytes.Length - dataStart)
            {
                throw Invalid(path, $"'{name}' has data offsets outside the file");
            }

            var expected = shape.Aggregate(1L, (n, d) => n * d) * dtype.ElementSize();
            if (offsets[1] - offsets[0] != expected)
            {
                throw Invalid(path, $"'{name}' is {code}[{string.Join(",", shape)}] ({expected} bytes) but its data holds {offsets[1] - offsets[0]} bytes");
            }

            entries.Add(new Entry(name, dtype, shape, offsets[0], expected));
        }

        return (metadata, entries, dataStart);
    }

    private static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static long[]? Integers(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return null;
        }

        var result = new long[array.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (array[i] is not JsonValue value || !value.TryGetValue(out result[i]))
            {
                return null;
            }
        }

        return result;
    }

    private static CorruptFileException Invalid(string path, string problem, Exception? inner = null) =>
        new(path, $"not a valid safetensors file: {problem}", inner);
}
