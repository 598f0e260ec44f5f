namespace LaVae.Experiments;

/// <summary>The scalar fields of an experiment file, gathered by the parser before the blocks that refer to them.</summary>
internal sealed record ExperimentHeader(
    string Id,
    string Title,
    string PaperReference,
    string Dataset,
    int Seed,
    IReadOnlyList<string> Pair,
    IReadOnlyList<string> Models,
    string SourcePath);
