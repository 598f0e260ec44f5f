using System.Text;
using LaVae.Experiments;
using LaVae.IO;

namespace LaVae.Reports;

/// <summary>
/// Writes report.md and report.html from stored results: a summary of every run, then per run its
/// settings, a claim table (claim | paper | ours | tolerance | result), Table I style metric tables
/// and its figures. Figures stay where the run wrote them and are referenced relatively.
/// </summary>
public static class ReportWriter
{
    public const string MarkdownFileName = "report.md";
    public const string HtmlFileName = "report.html";

    /// <param name="resultsFiles">Paths of results.json files; their figures are relative to their folders.</param>
    /// <returns>The report's files, and a note for each results file that could not be read and was left out.</returns>
    public static ReportFiles Write(string reportFolder, IReadOnlyList<string> resultsFiles, ExperimentVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(resultsFiles);
        var folder = Path.GetFullPath(reportFolder);
        var runs = new List<ReportedRun>();
        var skipped = new List<string>();
        foreach (var file in resultsFiles.Select(Path.GetFullPath))
        {
            try
            {
                runs.Add(new ReportedRun(ResultsFile.Read(file), Path.GetDirectoryName(file)!, File.GetLastWriteTimeUtc(file)));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                // One damaged or unreadable run must not cost the report of all the others.
                skipped.Add($"skipped {file}: it cannot be read ({e.Message})");
            }
        }

        var document = ReportBuilder.Build(runs, folder, vocabulary ?? ExperimentVocabulary.Default, skipped);

        var files = new ReportFiles(Path.Combine(folder, MarkdownFileName), Path.Combine(folder, HtmlFileName)) { Skipped = skipped };
        AtomicFile.WriteAllBytes(files.Markdown, Encoding.UTF8.GetBytes(MarkdownRenderer.Render(document)));
        AtomicFile.WriteAllBytes(files.Html, Encoding.UTF8.GetBytes(HtmlRenderer.Render(document)));
        return files;
    }
}
