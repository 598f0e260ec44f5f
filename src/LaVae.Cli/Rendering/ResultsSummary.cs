using LaVae.Experiments;
using LaVae.Reports;
using Spectre.Console;

namespace LaVae.Cli.Rendering;

/// <summary>
/// The end-of-run summary: the experiment's tables as the report has them (Table I as models by
/// columns with the paper's value beside ours, a heatmap as its grid), then every claim's verdict; the
/// full metric list is in results.json.
/// </summary>
internal static class ResultsSummary
{
    // "453.8 ± 54.77 (399–508.5) (paper 297.1, +52.7%)" as "453.8 ±54.77 / 297.1": a console row stays on one line.
    private static readonly System.Text.RegularExpressions.Regex CellParts = new(
        @"^(?<ours>\S+)(?: ± (?<sd>\S+))?(?: \([^)]*–[^)]*\))?(?: \(paper (?<paper>[^,]+), [^)]*\))?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Width a log gets when the console is not a terminal, so the tables keep a row a line.</summary>
    private const int LogWidth = 200;

    public static void Print(RunOutcome outcome)
    {
        if (!Interactive.IsTerminal)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, LogWidth);
        }

        var results = outcome.Results;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape($"{results.Title} ({results.Run.Profile} profile)")}[/]");
        foreach (var table in MetricTables.Build(results, ExperimentVocabulary.Default))
        {
            var shown = new Table().Title(Markup.Escape(table.Caption));
            foreach (var header in table.Header)
            {
                shown.AddColumn(Markup.Escape(header));
            }

            foreach (var row in table.Rows)
            {
                shown.AddRow([.. row.Select(cell => Markup.Escape(Compact(cell.Text)))]);
            }

            AnsiConsole.Write(shown);
        }

        var claims = new Table().AddColumn("claim").AddColumn("verdict").AddColumn("seeds holding").AddColumn("detail");
        foreach (var claim in results.Claims)
        {
            var seeds = claim.Seeds is { } count ? (count.Holding == count.Of ? Markup.Escape(count.ToString()) : $"[yellow]{Markup.Escape(count.ToString())}[/]") : "one seed";
            claims.AddRow(Markup.Escape(claim.ClaimId), claim.Passed ? (claim.NotReproduced is null ? "[green]pass[/]" : "[yellow]not reproduced[/]") : $"[red]{Markup.Escape(claim.Verdict)}[/]", seeds, Markup.Escape(claim.Message));
        }

        AnsiConsole.Write(claims);
        var passed = results.Claims.Count(c => c.Passed);
        var declared = results.Claims.Count(c => c.Passed && c.NotReproduced is not null);
        var verdict = declared == 0
            ? $"{passed}/{results.Claims.Count} claims hold"
            : $"{passed}/{results.Claims.Count} claims as declared ({passed - declared} hold, {declared} not reproduced)";
        AnsiConsole.MarkupLine(Markup.Escape($"{verdict}. Results: {outcome.ResultsPath}; report: {outcome.Report.Html}"));
        if (outcome.Reused)
        {
            AnsiConsole.MarkupLine("[grey](reused the stored run: nothing that affects the numbers changed; --force measures again)[/]");
        }
    }

    /// <summary>A report cell as the console shows it: ours (± the seeds' sd) and the paper's value, without the range and relative difference.</summary>
    internal static string Compact(string cell)
    {
        var parts = CellParts.Match(cell);
        if (!parts.Success)
        {
            return cell;
        }

        var ours = parts.Groups["sd"].Success ? $"{parts.Groups["ours"].Value} ±{parts.Groups["sd"].Value}" : parts.Groups["ours"].Value;
        return parts.Groups["paper"].Success ? $"{ours} / {parts.Groups["paper"].Value}" : ours;
    }
}
