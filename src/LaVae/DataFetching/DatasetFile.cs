using LaVae.Data;
namespace LaVae.DataFetching;

/// <summary>
/// One file of a dataset as it is stored (raw IDX), with the MD5 of the raw file and, where the
/// file is published gzipped, the MD5 of the published .gz.
/// </summary>
internal sealed record DatasetFile(string Name, string RawMd5, string GzipMd5);

/// <summary>The four files of an MNIST-format dataset.</summary>
internal sealed record DatasetFiles(DatasetFile TrainImages, DatasetFile TrainLabels, DatasetFile TestImages, DatasetFile TestLabels)
{
    public IEnumerable<DatasetFile> All => [TrainImages, TrainLabels, TestImages, TestLabels];

    public (DatasetFile Images, DatasetFile Labels) Of(Split split) => split switch
    {
        Split.Train => (TrainImages, TrainLabels),
        Split.Test => (TestImages, TestLabels),
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, null),
    };
}
