using System.Globalization;
using LaVae.Experiments;
using Spectre.Console;

namespace LaVae.Cli.Rendering;

/// <summary>The end-of-run summary: every metric beside its paper value, then every claim's verdict.</summary>
internal static class ResultsSummary
{
    public static void Print(RunOutcome outcome)
    {
        var results = outcome.Results;
        var metrics = new Table().Title(Markup.Escape($"{results.Title} ({results.Run.Profile} profile)"))
            .AddColumn("metric").AddColumn(new TableColumn("ours").RightAligned()).AddColumn(new TableColumn("paper").RightAligned());
        foreach (var (name, value) in results.Measurements.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var paper = results.PaperValues.TryGetValue(name, out var p) ? p.ToString("F2", CultureInfo.InvariantCulture) : "";
            metrics.AddRow(Markup.Escape(name), value.ToString("F2", CultureInfo.InvariantCulture), paper);
        }

        var claims = new Table().AddColumn("claim").AddColumn("verdict").AddColumn("seeds holding").AddColumn("detail");
        foreach (var claim in results.Claims)
        {
            var seeds = claim.Seeds is { } count ? (count.Holding == count.Of ? Markup.Escape(count.ToString()) : $"[yellow]{Markup.Escape(count.ToString())}[/]") : "one seed";
            claims.AddRow(Markup.Escape(claim.ClaimId), claim.Passed ? (claim.NotReproduced is null ? "[green]pass[/]" : "[yellow]not reproduced[/]") : $"[red]{Markup.Escape(claim.Verdict)}[/]", seeds, Markup.Escape(claim.Message));
        }

        AnsiConsole.Write(metrics);
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
