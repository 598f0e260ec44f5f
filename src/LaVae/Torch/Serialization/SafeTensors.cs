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
/// half-written checkpoint where a good one was.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";

    private static readonly Dictionary<DType, string> Codes = new()
    {
        [DType.Float32] = "F32",
        [DType.Float64] = "F64",
        [DType.Float16] = "F16",
        [DType.Int64] = "I64",
        [DType.Int32] = "I32",
        [DType.Int16] = "I16",
        [DType.Int8] = "I8",
        [DType.UInt8] = "U8",
        [DType.Bool] = "BOOL",
    };

    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            header[MetadataKey] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        }

        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            var bytes = tensor.ToBytes();
            header[name] = new JsonObject
            {
                ["dtype"] = Codes[tensor.DType],
                ["shape"] = new JsonArray(tensor.Shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes.Length),
            };
            offset += bytes.Length;
            blobs.Add(bytes);
        }

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

    public static SafeTensorsContent Load(string path, Device? device = null)
    {
        var bytes = File.ReadAllBytes(path);
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
            throw Invalid(path, $"header is not valid JSON: {e.Message}");
        }

        var dataStart = 8 + (int)headerLength;
        var metadata = new Dictionary<string, string>();
        var tensors = new Dictionary<string, Tensor>();
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

            tensors[name] = Tensor.FromBytes(bytes.AsSpan(dataStart + (int)offsets[0], (int)expected), dtype, shape, device);
        }

        return new SafeTensorsContent(tensors, metadata);
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

    private static InvalidDataException Invalid(string path, string problem) => new($"{path}: not a valid safetensors file: {problem}");
}
