namespace LaVae.Reports;

/// <summary>The files a report was written to.</summary>
public sealed record ReportFiles(string Markdown, string Html);
