using LaVae.Data;
using LaVae.DataFetching;

namespace LaVae.Tests.Unit.DataFetching;

/// <summary>
/// Checks whatever real MNIST and Fashion-MNIST files the default store already holds: their
/// MD5s, and that each complete split loads as 60,000 or 10,000 labelled 28x28 images. Fetches
/// nothing (the store gets no sources), so it passes on a machine without the data, having
/// checked nothing; <see cref="DatasetStore.EnsureAsync"/> fills the store.
/// </summary>
public sealed class RealDatasetTests
{
    private static readonly DatasetStore Published = DatasetStore.Open();

    public static TheoryData<DatasetName, Split, int> Splits => new()
    {
        { DatasetName.Mnist, Split.Train, 60_000 },
        { DatasetName.Mnist, Split.Test, 10_000 },
        { DatasetName.FashionMnist, Split.Train, 60_000 },
        { DatasetName.FashionMnist, Split.Test, 10_000 },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public async Task Stored_files_match_the_published_MD5s_and_load(DatasetName dataset, Split split, int count)
    {
        var files = dataset == DatasetName.Mnist ? PublishedDatasets.MnistFiles : PublishedDatasets.FashionMnistFiles;
        var (images, labels) = files.Of(split);
        string folder = Published.FolderOf(dataset);
        var present = new[] { images, labels }.Where(file => File.Exists(Path.Combine(folder, file.Name))).ToList();
        foreach (var file in present)
        {
            (await Md5.OfFileAsync(Path.Combine(folder, file.Name), CancellationToken.None)).Should().Be(file.RawMd5, because: $"{folder}/{file.Name} is the published file");
        }

        if (present.Count == 2)
        {
            var offline = new DatasetStore(Published.Root, new Dictionary<DatasetName, DatasetDefinition> { [dataset] = new(files, []) }, null);
            var loaded = await offline.LoadAsync(dataset, split);
            loaded.Count.Should().Be(count);
            (loaded.Images.Rows, loaded.Images.Cols).Should().Be((28, 28));
            loaded.Labels.Labels.Should().OnlyContain(label => label < 10);
        }
    }
}
