using System.Buffers.Binary;
using System.Text.Json;
using System.Text;
using LaVae.IO;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch.Serialization;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lavae-safetensors-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Tensors_of_every_dtype_and_the_metadata_survive_a_round_trip()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "all.safetensors");
        var tensors = new Dictionary<string, Tensor>
        {
            ["f32"] = tensor(new[] { 1.5f, -2, float.MaxValue, float.NegativeInfinity, 0, 1e-30f }, new long[] { 2, 3 }),
            ["f64"] = tensor(new[] { Math.PI, -Math.E }),
            ["f16"] = tensor(new[] { 0.5f, -2, 1024 }).to(ScalarType.Float16),
            ["i64"] = tensor(new[] { long.MinValue, 0, long.MaxValue }, new long[] { 3, 1 }),
            ["i32"] = tensor(new[] { int.MinValue, 7 }),
            ["i16"] = tensor(new short[] { -300, 300 }),
            ["i8"] = tensor(new sbyte[] { -128, 127 }),
            ["u8"] = tensor(new byte[] { 0, 128, 255, 1 }, new long[] { 2, 1, 2 }),
            ["bool"] = tensor(new[] { true, false, true }),
            ["scalar"] = tensor((double)(3.25), dtype: ScalarType.Float64),
            ["empty"] = zeros([0, 3]),
        };
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["epoch"] = "12", ["note"] = "ünïcode \"quoted\"" };

        SafeTensors.Save(path, tensors, metadata);
        var loaded = SafeTensors.Load(path, CPU);

        loaded.Metadata.Should().BeEquivalentTo(metadata);
        loaded.Tensors.Keys.Should().BeEquivalentTo(tensors.Keys);
        foreach (var (name, original) in tensors)
        {
            var copy = loaded.Tensors[name];
            copy.dtype.Should().Be(original.dtype, "'{0}' keeps its dtype", name);
            copy.shape.Should().Equal(original.shape, "'{0}' keeps its shape", name);
            copy.device_type.Should().Be(DeviceType.CPU, "a load without a device lands on the cpu");
            copy.ToBytes().Should().Equal(original.ToBytes(), "'{0}' keeps its bytes", name);
        }

        loaded.Tensors["f16"].to(ScalarType.Float32).ToArray<float>().Should().Equal(0.5f, -2, 1024);
        loaded.Tensors["bool"].ToArray<bool>().Should().Equal(true, false, true);
        SafeTensors.Load(path).Tensors["f64"].ToArray<double>().Should().Equal(Math.PI, -Math.E);
    }

    [Fact]
    public void A_file_saved_without_metadata_records_only_its_checksum_and_loads_with_empty_metadata()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "plain.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = ones([2]) });

        var recorded = Header(path).RootElement.GetProperty("__metadata__").EnumerateObject().Should().ContainSingle().Subject;
        recorded.Name.Should().Be("lavae.content_sha256");
        recorded.Value.GetString().Should().MatchRegex("^[0-9a-f]{64}$", "a string value keeps the file readable by PyTorch's safetensors package");
        SafeTensors.Load(path).Metadata.Should().BeEmpty("the checksum is verified, not handed to the caller");
    }

    [Fact]
    public void The_checksum_key_is_reserved()
    {
        using var scope = NewDisposeScope();
        var save = () => SafeTensors.Save(Path.Combine(folder, "reserved.safetensors"), new Dictionary<string, Tensor> { ["x"] = ones([2]) },
            new Dictionary<string, string> { ["lavae.content_sha256"] = "mine" });
        save.Should().Throw<ArgumentException>().WithMessage("*reserved*");
    }

    [Fact]
    public void The_same_content_gets_the_same_checksum_and_different_content_another()
    {
        using var scope = NewDisposeScope();
        string Checksum(string name, Dictionary<string, Tensor> tensors, Dictionary<string, string>? metadata = null)
        {
            var path = Path.Combine(folder, name);
            SafeTensors.Save(path, tensors, metadata);
            return Header(path).RootElement.GetProperty("__metadata__").GetProperty("lavae.content_sha256").GetString()!;
        }

        var original = Checksum("a", new() { ["x"] = tensor(new[] { 1f, 2, 3, 4 }, new long[] { 2, 2 }) }, new() { ["epoch"] = "1" });
        Checksum("b", new() { ["x"] = tensor(new[] { 1f, 2, 3, 4 }, new long[] { 2, 2 }) }, new() { ["epoch"] = "1" }).Should().Be(original);
        new[]
        {
            Checksum("value", new() { ["x"] = tensor(new[] { 1f, 2, 3, 5 }, new long[] { 2, 2 }) }, new() { ["epoch"] = "1" }),
            Checksum("shape", new() { ["x"] = tensor(new[] { 1f, 2, 3, 4 }, new long[] { 4, 1 }) }, new() { ["epoch"] = "1" }),
            Checksum("name", new() { ["y"] = tensor(new[] { 1f, 2, 3, 4 }, new long[] { 2, 2 }) }, new() { ["epoch"] = "1" }),
            Checksum("dtype", new() { ["x"] = tensor(new[] { 1f, 2, 3, 4 }.Select(BitConverter.SingleToInt32Bits).ToArray(), new long[] { 2, 2 }) }, new() { ["epoch"] = "1" }),
            Checksum("metadata", new() { ["x"] = tensor(new[] { 1f, 2, 3, 4 }, new long[] { 2, 2 }) }, new() { ["epoch"] = "2" }),
        }.Should().OnlyHaveUniqueItems().And.NotContain(original);
    }

    [Fact]
    public void One_flipped_byte_of_tensor_data_is_a_corrupt_file_naming_it()
    {
        var path = Valid("flipped.safetensors");
        var bytes = File.ReadAllBytes(path);
        bytes[^5] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var act = () => SafeTensors.Load(path);

        act.Should().Throw<CorruptFileException>()
            .WithMessage($"{path}: not a valid safetensors file: its content does not match its checksum (SHA-256 *, recorded *)")
            .Which.FilePath.Should().Be(path);
    }

    [Fact]
    public void Edited_metadata_is_a_corrupt_file()
    {
        var path = Path.Combine(folder, "epoch.safetensors");
        using (NewDisposeScope())
        {
            SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = ones([2]) }, new Dictionary<string, string> { ["epochs_done"] = "2" });
        }

        File.WriteAllText(path, File.ReadAllText(path, Encoding.Latin1).Replace("\"epochs_done\":\"2\"", "\"epochs_done\":\"9\"", StringComparison.Ordinal), Encoding.Latin1);

        ShouldBeInvalid(path, "*does not match its checksum*");
    }

    [Fact]
    public void A_file_from_another_writer_without_the_checksum_loads_unverified()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "foreign.safetensors");
        var data = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(data, 1.5f);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4), -2f);
        WriteRaw(path, """{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", data);

        var loaded = SafeTensors.Load(path);

        loaded.Metadata.Should().Equal(new Dictionary<string, string> { ["format"] = "pt" });
        loaded.Tensors["w"].ToArray<float>().Should().Equal(1.5f, -2f);
    }

    [Fact]
    public void The_file_is_a_little_endian_length_a_padded_json_header_and_the_raw_data_at_its_offsets()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "layout.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["a"] = tensor(new[] { 1f, 2, 3, 4 }, new long[] { 2, 2 }),
            ["b"] = tensor(new[] { -1L, 2, 1L << 40 }),
        }, new Dictionary<string, string> { ["format"] = "pt" });

        var bytes = File.ReadAllBytes(path);
        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        (headerLength % 8).Should().Be(0, "the header is padded to a multiple of 8 bytes");
        var headerText = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        (headerLength - headerText.TrimEnd(' ').Length).Should().BeLessThan(8, "the padding is at most 7 spaces");
        headerText.TrimEnd(' ').Should().EndWith("}");
        bytes.Length.Should().Be((int)(8 + headerLength + 16 + 24), "the data follows the header with nothing after it");

        using var header = JsonDocument.Parse(headerText);
        var root = header.RootElement;
        root.GetProperty("__metadata__").GetProperty("format").GetString().Should().Be("pt");
        Entry(root, "a").Should().Be(("F32", "2,2", "0,16"));
        Entry(root, "b").Should().Be(("I64", "3", "16,40"));

        var data = bytes[(8 + (int)headerLength)..];
        Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(4 * i))).Should().Equal(1f, 2, 3, 4);
        Enumerable.Range(0, 3).Select(i => BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(16 + (8 * i)))).Should().Equal(-1, 2, 1L << 40);
    }

    [Fact]
    public void A_non_contiguous_tensor_is_written_in_row_major_order()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "transposed.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["t"] = tensor(new long[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 }).T });
        var loaded = SafeTensors.Load(path).Tensors["t"];
        loaded.shape.Should().Equal(3, 2);
        loaded.ToArray<long>().Should().Equal(1, 4, 2, 5, 3, 6);
    }

    [Fact]
    public void Saving_writes_atomically_and_leaves_no_temporary_file()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "nested", "model.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = zeros([3]) });
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = ones([5]) });
        Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).Should().Equal("model.safetensors");
        SafeTensors.Load(path).Tensors["x"].ToArray<float>().Should().Equal(1, 1, 1, 1, 1);
    }

    [Fact]
    public void A_failed_atomic_write_keeps_the_old_file_and_removes_its_temporary()
    {
        var path = Path.Combine(folder, "kept.bin");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        var act = () => AtomicFile.Write(path, stream =>
        {
            stream.Write([9, 9]);
            throw new IOException("disk full");
        });
        act.Should().Throw<IOException>().WithMessage("disk full");
        File.ReadAllBytes(path).Should().Equal(1, 2, 3);
        Directory.GetFiles(folder).Select(Path.GetFileName).Should().Equal("kept.bin");
    }

    [Fact]
    public void A_truncated_file_is_a_corrupt_file_naming_it()
    {
        var path = Valid("truncated.safetensors");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);
        ShouldBeInvalid(path, "*outside the file*");

        File.WriteAllBytes(path, bytes[..5]);
        ShouldBeInvalid(path, "*too short*");

        File.WriteAllBytes(path, bytes[..20]);
        ShouldBeInvalid(path, "*exceeds the file*");
    }

    [Fact]
    public void A_bad_header_length_is_a_corrupt_file_naming_it()
    {
        var path = Valid("length.safetensors");
        var bytes = File.ReadAllBytes(path);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);

        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue);
        File.WriteAllBytes(path, bytes);
        ShouldBeInvalid(path, "*header length*");

        BinaryPrimitives.WriteUInt64LittleEndian(bytes, headerLength - 10);
        File.WriteAllBytes(path, bytes);
        ShouldBeInvalid(path, "*JSON*");
    }

    [Fact]
    public void A_byte_count_that_disagrees_with_dtype_and_shape_is_a_corrupt_file_naming_it()
    {
        var path = Path.Combine(folder, "count.safetensors");
        WriteRaw(path, """{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,12]}}""", new byte[12]);
        ShouldBeInvalid(path, "*'x' is F32[2] (8 bytes) but its data holds 12 bytes*");
    }

    [Theory]
    [InlineData(4, 8)]
    [InlineData(9223372036854775803, 9223372036854775807)]
    public void Data_offsets_beyond_the_data_are_a_corrupt_file_naming_it(long start, long end)
    {
        var path = Path.Combine(folder, "offsets.safetensors");
        WriteRaw(path, $$$"""{"x":{"dtype":"F32","shape":[1],"data_offsets":[{{{start}}},{{{end}}}]}}""", new byte[4]);
        ShouldBeInvalid(path, "*'x' has data offsets outside the file*");
    }

    [Fact]
    public void An_unknown_dtype_is_a_corrupt_file_naming_it()
    {
        var path = Path.Combine(folder, "dtype.safetensors");
        WriteRaw(path, """{"x":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]}}""", new byte[4]);
        ShouldBeInvalid(path, "*unsupported dtype BF16*");
    }

    [Theory]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"x": 3}""")]
    [InlineData("""{"x":{"dtype":7,"shape":[2],"data_offsets":[0,8]}}""")]
    [InlineData("""{"x":{"dtype":"F32","shape":"two","data_offsets":[0,8]}}""")]
    [InlineData("""{"x":{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}}""")]
    [InlineData("""{"x":{"dtype":"F32","data_offsets":[0,8]}}""")]
    [InlineData("""{"x":{"dtype":"F32","shape":[-2,-1],"data_offsets":[0,8]}}""")]
    [InlineData("""{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,"8"]}}""")]
    [InlineData("""{"__metadata__":{"epoch":12}}""")]
    [InlineData("""{"__metadata__":["pt"]}""")]
    [InlineData("""{"x":{"dtype":"U8","shape":[8],"data_offsets":[0,8]},"x":{"dtype":"U8","shape":[8],"data_offsets":[0,8]}}""")]
    public void A_header_of_the_wrong_form_is_a_corrupt_file_naming_it(string header)
    {
        var path = Path.Combine(folder, "form.safetensors");
        WriteRaw(path, header, new byte[8]);
        ShouldBeInvalid(path, "*");
    }

    private static (string ScalarType, string Shape, string Offsets) Entry(JsonElement root, string name)
    {
        var entry = root.GetProperty(name);
        static string Join(JsonElement array) => string.Join(",", array.EnumerateArray().Select(e => e.GetInt64()));
        return (entry.GetProperty("dtype").GetString()!, Join(entry.GetProperty("shape")), Join(entry.GetProperty("data_offsets")));
    }

    private static JsonDocument Header(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return JsonDocument.Parse(bytes.AsMemory(8, (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes)));
    }

    private static void WriteRaw(string path, string header, byte[] data)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)json.Length);
        File.WriteAllBytes(path, [.. length, .. json, .. data]);
    }

    private static void ShouldBeInvalid(string path, string problem)
    {
        var act = () => SafeTensors.Load(path);
        act.Should().Throw<CorruptFileException>().WithMessage($"{path}: not a valid safetensors file: {problem}")
            .Which.FilePath.Should().Be(path);
    }

    private string Valid(string name)
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, name);
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["w"] = tensor(TestData.Uniform(1, 6), new long[] { 2, 3 }),
            ["b"] = tensor(new long[] { 1, 2 }),
        });
        return path;
    }
}
