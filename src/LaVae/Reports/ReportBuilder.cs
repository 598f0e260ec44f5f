using System.Globalization;
using LaVae.Training;
using LaVae.Experiments;

namespace LaVae.Reports;

/// <summary>Turns stored results into a <see cref="ReportDocument"/>: a summary, then one section per run.</summary>
internal static class ReportBuilder
{
    /// <summary>How much of a run key a report shows: enough to tell runs apart, short enough to read.</summary>
    public const int ShortKeyLength = 12;

    public static ReportDocument Build(
        IReadOnlyList<ReportedRun> runs, string reportFolder, ExperimentVocabulary vocabulary, IReadOnlyList<string> notes)
    {
        var summary = new ReportTable(
            "Summary",
            ["experiment", "profile", "claims passed", "result", "folder", "run key", "written"],
            runs.Select((run, index) => (IReadOnlyList<ReportCell>)
            [
                new ReportCell(run.Results.Title, Link: $"#{Anchor(index)}"),
                new ReportCell(run.Results.Run.Profile),
                new ReportCell($"{run.Results.Claims.Count(claim => claim.Passed)} / {run.Results.Claims.Count}"),
                Verdict(run.Results.Claims.All(claim => claim.Passed)),
                new ReportCell(FolderName(run.Folder, reportFolder)),
                new ReportCell(ShortKey(run.Results.RunKey)),
                new ReportCell(Time(run.WrittenUtc)),
            ]).ToList());
        var claimIndex = new ReportTable(
            "Every claim",
            ["experiment", "profile", "claim", "paper", "ours", "seeds holding", "result"],
            runs.SelectMany((run, index) => run.Results.Claims.Select(claim => (IReadOnlyList<ReportCell>)
            [
                new ReportCell(run.Results.ExperimentId, Link: $"#{Anchor(index)}"),
                new ReportCell(run.Results.Run.Profile),
                new ReportCell($"{claim.ClaimId}: {claim.Description ?? claim.Expected}"),
                new ReportCell(claim.PaperValue is { } paper ? NumberText.Exact(paper) : "—"),
                new ReportCell(claim.Measured),
                Seeds(claim),
                Verdict(claim),
            ])).ToList());
        var sections = runs.Select((run, index) => Section(run, Anchor(index), reportFolder, vocabulary)).ToList();
        return new ReportDocument("LaVae reproduction report", summary, claimIndex, sections, notes);
    }

    private static string Anchor(int runIndex) => $"run-{runIndex + 1}";

    // Runs of one experiment and profile (other seeds, devices, code) differ by folder, key and time: the heading says all three.
    private static ReportSection Section(ReportedRun reported, string anchor, string reportFolder, ExperimentVocabulary vocabulary)
    {
        var (results, resultsFolder) = (reported.Results, reported.Folder);
        var run = results.Run;
        var measurements = results.Measurements;
        var facts = new List<ReportFact>
        {
            new("Experiment", results.ExperimentId),
            new("Paper", results.PaperReference),
            new("Dataset", run.Dataset),
            new("Profile", run.Profile),
            new(run.Seeds.Count == 1 ? "Seed" : "Seeds", string.Join(", ", run.Seeds.Select(seed => seed.ToString(CultureInfo.InvariantCulture)))),
            new("Settings", Settings(run.Settings) + Overridden(run.Overridden)),
            new("Device", measurements.Device),
            new("Run key", results.RunKey),
        };
        if (run.Pair is { } pair)
        {
            facts.Insert(3, new("Augmentation pair", string.Join(", ", pair)));
        }
        else if (run.Pairs.Count > 1)
        {
            facts.Insert(3, new("Augmentation pairs", string.Join("; ", run.Pairs.Select(p => string.Join(", ", p)))));
        }

        if (run.Transfer is { } transfer)
        {
            facts.Insert(3, new("Transfer grid", $"latent spaces {string.Join("; ", transfer.Sources.Select(p => string.Join(',', p)))}; heads for {string.Join("; ", transfer.Targets.Select(p => string.Join(',', p)))}; composition {transfer.Composition}"));
        }
        if (measurements.Versions.Count > 0)
        {
            facts.Add(new("Versions", string.Join(", ", measurements.Versions.Select(version => $"{version.Key} {version.Value}"))));
        }

        if (measurements.TimingsSeconds.Count > 0)
        {
            facts.Add(new("Timings", string.Join(", ", measurements.TimingsSeconds.Select(timing => $"{timing.Key} {NumberText.Measured(timing.Value)} s"))));
        }

        var claims = new ReportTable(
            "Claims",
            ["claim", "paper", "ours", "tolerance", "seeds holding", "result"],
            results.Claims.Select(claim => (IReadOnlyList<ReportCell>)
            [
                new ReportCell($"{claim.ClaimId}: {claim.Description ?? claim.Expected}"),
                new ReportCell(claim.PaperValue is { } paper ? NumberText.Exact(paper) : "—"),
                new ReportCell(claim.Measured),
                new ReportCell(claim.Tolerance ?? "—"),
                Seeds(claim),
                Verdict(claim),
            ]).ToList());

        return new ReportSection(
            anchor,
            $"{results.Title} ({run.Profile}) in {FolderName(resultsFolder, reportFolder)}, run {ShortKey(results.RunKey)}, {Time(reported.WrittenUtc)}",
            facts,
            claims,
            results.Claims.Where(claim => !claim.Passed || claim.NotReproduced is not null).Select(claim => claim.Message).ToList(),
            MetricTables.Build(results, vocabulary).ToList(),
            Figures(measurements.Figures, resultsFolder, reportFolder));
    }

    private static string FolderName(string resultsFolder, string reportFolder) =>
        Path.GetRelativePath(reportFolder, resultsFolder).Replace('\\', '/') is var relative && relative != "." ? relative : "(this folder)";

    private static string ShortKey(string runKey) => runKey.Length > ShortKeyLength ? runKey[..ShortKeyLength] : runKey;

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static ReportCell Verdict(bool passed) => passed ? new("pass", CellTone.Pass) : new("FAIL", CellTone.Fail);

    // How many seeds satisfy the statement and what the verdict is judged on; a one-seed run has nothing to count.
    private static ReportCell Seeds(ClaimOutcome claim) => claim.Seeds is { } seeds
        ? new ReportCell($"{seeds} (judged on {seeds.JudgedOn})", seeds.Holding == seeds.Of ? CellTone.Plain : CellTone.NotReproduced)
        : new ReportCell("one seed");

    private static ReportCell Verdict(ClaimOutcome claim) =>
        claim.NotReproduced is not null && claim.Passed ? new(claim.Verdict, CellTone.NotReproduced) : new(claim.Verdict, claim.Passed ? CellTone.Pass : CellTone.Fail);

    private static string Overridden(IReadOnlyDictionary<string, double> overridden) => overridden.Count == 0
        ? ""
        : $" (set on the command line: {string.Join(", ", overridden.Select(pair => $"{pair.Key} {pair.Value.ToString(CultureInfo.InvariantCulture)}"))})";

    // Every setting that changes a number, by its YAML key, as declared.
    private static string Settings(TrainingSettings settings) => string.Join(", ",
        Setting.All.Where(setting => setting.Effect != SettingEffect.Nothing)
            .Select(setting => $"{setting.Key} {settings.KeyValue(setting).ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>
    /// Each PNG shown with its caption and, where the run wrote the same figure as SVG, a link to it;
    /// any other file (an SVG with no PNG beside it) linked.
    /// </summary>
    private static List<ReportFigure> Figures(IReadOnlyList<string> figures, string resultsFolder, string reportFolder)
    {
        static string Stem(string figure) => Path.ChangeExtension(figure, null);
        var images = figures.Where(IsPng).ToList();
        var shownAsImage = images.Select(Stem).ToHashSet(StringComparer.Ordinal);
        return [.. figures
            .Where(figure => IsPng(figure) || !(IsSvg(figure) && shownAsImage.Contains(Stem(figure))))
            .Select(figure => new ReportFigure(
                FigureCaptions.For(figure),
                Href(figure, resultsFolder, reportFolder),
                IsPng(figure),
                IsPng(figure) && figures.FirstOrDefault(other => IsSvg(other) && Stem(other) == Stem(figure)) is { } svg ? Href(svg, resultsFolder, reportFolder) : null))];
    }

    private static bool IsPng(string figure) => figure.EndsWith(".png", StringComparison.OrdinalIgnoreCase);

    private static bool IsSvg(string figure) => figure.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    // Figures live beside results.json; the report may be elsewhere, so paths are rebased onto it.
    private static string Href(string figure, string resultsFolder, string reportFolder)
    {
        var relative = Path.GetRelativePath(reportFolder, Path.Combine(resultsFolder, figure)).Replace('\\', '/');
        return string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
    }
}
