namespace LaVae.Experiments;

/// <summary>One baseline file: a table of the paper, row → column → value.</summary>
internal sealed record PaperTable(string Id, IReadOnlyDictionary<string, IReadOnlyDictionary<string, PaperValue>> Rows);
