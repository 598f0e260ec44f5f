namespace LaVae.Experiments;

/// <summary>
/// An image the run renders and compares with a committed <c>&lt;Name&gt;.verified.png</c>
/// (reconstructions of the first <paramref name="Digits"/> test digits by <paramref name="Model"/>).
/// </summary>
/// <param name="MaxMeanAbsDiff">Largest allowed mean absolute pixel difference, on the 0..255 scale.</param>
public sealed record SnapshotSpec(
    string Name,
    string Model,
    int Digits,
    double MaxMeanAbsDiff,
    IReadOnlyList<string> Profiles,
    SourceLocation Location);
