namespace LaVae.Reports;

/// <summary>A report's content, independent of format; Markdown and HTML render the same document.</summary>
/// <param name="Notes">What the reader should know about the report itself, e.g. runs left out because their results could not be read.</param>
internal sealed record ReportDocument(string Title, ReportTable Summary, IReadOnlyList<ReportSection> Sections, IReadOnlyList<string> Notes);

/// <summary>A stored run: its results, the folder they are in, and when they were written.</summary>
internal sealed record ReportedRun(Experiments.RunResults Results, string Folder, DateTime WrittenUtc);

/// <summary>One run of one experiment, in the order it is rendered.</summary>
/// <param name="Failures">The messages of the failed claims and of those declared not reproduced.</param>
internal sealed record ReportSection(
    string Heading,
    IReadOnlyList<ReportFact> Facts,
    ReportTable Claims,
    IReadOnlyList<string> Failures,
    IReadOnlyList<ReportTable> MetricTables,
    IReadOnlyList<ReportFigure> Figures);

internal sealed record ReportFact(string Label, string Value);

internal sealed record ReportTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);

internal sealed record ReportCell(string Text, CellTone Tone = CellTone.Plain);

internal enum CellTone
{
    Plain,
    Pass,
    Fail,

    /// <summary>A claim declared not reproduced that indeed does not hold.</summary>
    NotReproduced,
}

/// <param name="Href">URL-escaped path relative to the report.</param>
/// <param name="IsImage">PNG figures are shown inline; other files are linked.</param>
internal sealed record ReportFigure(string Caption, string Href, bool IsImage);
