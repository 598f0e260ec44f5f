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
    public static void Print(RunOutcome outcome)
    {
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
                shown.AddRow([.. row.Select(cell => Markup.Escape(cell.Text))]);
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
}
