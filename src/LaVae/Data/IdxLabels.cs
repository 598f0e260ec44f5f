namespace LaVae.Data;

/// <summary>The labels of an IDX labels file, one byte (a class index) per image.</summary>
public sealed record IdxLabels(byte[] Labels)
{
    public int Count => Labels.Length;
}
