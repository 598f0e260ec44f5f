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
    /// <exception cref="InvalidDataException">A results file is not valid.</exception>
    public static ReportFiles Write(string reportFolder, IReadOnlyList<string> resultsFiles, ExperimentVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(resultsFiles);
        var folder = Path.GetFullPath(reportFolder);
        var runs = resultsFiles
            .Select(Path.GetFullPath)
            .Select(file => (ResultsFile.Read(file), Path.GetDirectoryName(file)!))
            .ToList();
        var document = ReportBuilder.Build(runs, folder, vocabulary ?? ExperimentVocabulary.Default);

        var files = new ReportFiles(Path.Combine(folder, MarkdownFileName), Path.Combine(folder, HtmlFileName));
        AtomicFile.WriteAllBytes(files.Markdown, Encoding.UTF8.GetBytes(MarkdownRenderer.Render(document)));
        AtomicFile.WriteAllBytes(files.Html, Encoding.UTF8.GetBytes(HtmlRenderer.Render(document)));
        return files;
    }
}
