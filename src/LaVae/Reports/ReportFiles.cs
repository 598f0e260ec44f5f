namespace LaVae.Reports;

/// <summary>The files a report was written to.</summary>
public sealed record ReportFiles(string Markdown, string Html)
{
    /// <summary>A note for each results file that could not be read and is not in the report.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
