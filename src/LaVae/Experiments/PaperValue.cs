namespace LaVae.Experiments;

/// <summary>One number from the paper, e.g. <c>table1.lavae.total</c> = 297.1 labelled "Table I, LAVAE Total".</summary>
/// <param name="Reference">table.row.column, as claims write it.</param>
/// <param name="Label">Where it is in the paper, in the paper's words.</param>
/// <param name="Source">The baseline file's <c>source</c> line.</param>
public sealed record PaperValue(string Reference, double Value, string Label, string Source);
