namespace LaVae.Reports;

/// <summary>A report's content, independent of format; Markdown and HTML render the same document.</summary>
/// <param name="Summary">One row per run: the index of the report.</param>
/// <param name="ClaimIndex">Every claim of every run with its verdict, each linked to its run's section.</param>
/// <param name="Notes">What the reader should know about the report itself, e.g. runs left out because their results could not be read.</param>
internal sealed record ReportDocument(string Title, ReportTable Summary, ReportTable ClaimIndex, IReadOnlyList<ReportSection> Sections, IReadOnlyList<string> Notes);

/// <summary>A stored run: its results, the folder they are in, and when they were written.</summary>
internal sealed record ReportedRun(Experiments.RunResults Results, string Folder, DateTime WrittenUtc);

/// <summary>One run of one experiment, in the order it is rendered.</summary>
/// <param name="Anchor">The section's id in the HTML page, which the summary and the claim index link to.</param>
/// <param name="Failures">The messages of the failed claims and of those declared not reproduced.</param>
internal sealed record ReportSection(
    string Anchor,
    string Heading,
    IReadOnlyList<ReportFact> Facts,
    ReportTable Claims,
    IReadOnlyList<string> Failures,
    IReadOnlyList<ReportTable> MetricTables,
    IReadOnlyList<ReportFigure> Figures);

internal sealed record ReportFact(string Label, string Value);

internal sealed record ReportTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);

/// <param name="Text">The cell as one line of text (Markdown shows this).</param>
/// <param name="Link">An in-page link target, e.g. "#run-1", for HTML.</param>
/// <param name="Compared">Ours beside the paper's value, for HTML to set on two lines.</param>
internal sealed record ReportCell(string Text, CellTone Tone = CellTone.Plain, string? Link = null, PaperComparison? Compared = null);

/// <summary>
/// A measured value beside the paper's: both numbers and how far ours lies from the paper's, relative to
/// it. "78.93 (paper 68.34, +15.5%)" in one line; HTML sets ours above the paper's value so narrow
/// columns do not break a pair of numbers apart.
/// </summary>
internal sealed record PaperComparison(string Ours, string Paper, double? RelativeDifference)
{
    /// <summary>"+15.5%", "−3.2%", or empty when either value is missing or the paper's is 0.</summary>
    public string RelativeText => RelativeDifference is { } r
        ? r.ToString("+0.0%;\u22120.0%;0.0%", System.Globalization.CultureInfo.InvariantCulture)
        : "";

    public string PaperText => RelativeText.Length == 0 ? $"paper {Paper}" : $"paper {Paper}, {RelativeText}";

    public string OneLine => $"{Ours} ({PaperText})";

    public static PaperComparison Of(double? ours, string oursText, double? paper) => new(
        oursText,
        paper is { } p ? Experiments.NumberText.Exact(p) : "—",
        ours is { } o && paper is { } q && q != 0 ? (o - q) / Math.Abs(q) : null);
}

internal enum CellTone
{
    Plain,
    Pass,
    Fail,

    /// <summary>A claim declared not reproduced that indeed does not hold.</summary>
    NotReproduced,
}

/// <param name="Caption">What the figure shows, then its file name.</param>
/// <param name="Href">URL-escaped path relative to the report.</param>
/// <param name="IsImage">PNG figures are shown inline; other files are linked.</param>
/// <param name="VectorHref">The same figure as SVG, where the run wrote one, linked beside the caption.</param>
internal sealed record ReportFigure(string Caption, string Href, bool IsImage, string? VectorHref = null);
