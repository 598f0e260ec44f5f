namespace LaVae.Data;

/// <summary>One split of a dataset: image i has label i.</summary>
public sealed record DatasetSplit(DatasetName Dataset, Split Split, IdxImages Images, IdxLabels Labels)
{
    public int Count => Images.Count;
}
