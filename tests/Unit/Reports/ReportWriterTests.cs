using LaVae.Experiments;
using LaVae.Reports;
using LaVae.Tests.Unit.Experiments;

namespace LaVae.Tests.Unit.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_claim_table_shows_claim_paper_ours_tolerance_and_result()
    {
        var (markdown, html) = Write(Metrics(lavaeTotal: 310.2, lavaeCompose: 400));

        markdown.Should().Contain("| claim | paper | ours | tolerance | seeds holding | result |")
            .And.Contain("| lavae-total-near-paper: lavae.bce.total = 297.1 ± 29.71 | 297.1 | 310.2 | 10% (±29.71) | one seed | pass |")
            .And.Contain("| composes-better: LAVAE composes better | — | 400 ≥ 299.12 | — | one seed | FAIL |");
        html.Should().Contain("<td>297.1</td><td>310.2</td><td>10% (&#177;29.71)</td><td>one seed</td><td class=\"pass\">pass</td>")
            .And.Contain("<td class=\"fail\">FAIL</td>");
    }

    [Fact]
    public void Failures_are_listed_with_their_message()
    {
        var (markdown, html) = Write(Metrics(lavaeTotal: 310.2, lavaeCompose: 400));

        markdown.Should().Contain("### Failures and claims not reproduced").And.Contain("- LAVAE composes better: expected lavae.bce.compose \\< cvae\\_auginv.bce.compose, measured 400 ≥ 299.12");
        html.Should().Contain("<li>LAVAE composes better: expected lavae.bce.compose &lt; cvae_auginv.bce.compose, measured 400 ≥ 299.12</li>");
    }

    [Fact]
    public void Metric_tables_put_models_in_rows_and_the_columns_present_in_grammar_order()
    {
        var (markdown, html) = Write(Metrics(lavaeTotal: 310.2, lavaeCompose: 80));

        markdown.Should().Contain("### BCE per image, ours (the paper's value and ours relative to it where the paper has one)")
            .And.Contain("| model | Orig | Compose | Total |")
            .And.Contain("| LAVAE | 70.25 | 80 | 310.2 (paper 297.1, +4.4%) |")
            .And.Contain("| CVAE\\_AugInv | 99 | 299.12 | — |")
            .And.Contain("### SSE per image, ours")
            .And.Contain("| LAVAE | 20.5 |");
        html.Should().Contain("<caption>BCE per image, ours (the paper&#39;s value and ours relative to it where the paper has one)</caption>")
            .And.Contain("<tr><td>LAVAE</td><td>70.25</td><td>80</td><td class=\"compared\"><span class=\"ours\">310.2</span><span class=\"paper\">paper 297.1, +4.4%</span></td></tr>");
    }

    [Fact]
    public void A_value_below_the_paper_shows_a_minus_and_a_missing_one_no_difference()
    {
        PaperComparison.Of(90, "90", 100).OneLine.Should().Be("90 (paper 100, \u221210.0%)");
        PaperComparison.Of(null, "—", 100).OneLine.Should().Be("— (paper 100)");
        PaperComparison.Of(5, "5", 0).PaperText.Should().Be("paper 0", "no relative difference to a paper value of 0");
    }

    [Fact]
    public void The_index_lists_every_claim_of_every_run_with_its_verdict_linked_to_its_section()
    {
        var (markdown, html) = Write(Metrics(lavaeTotal: 310.2, lavaeCompose: 400));

        markdown.Should().Contain("## Every claim")
            .And.Contain("| experiment | profile | claim | paper | ours | seeds holding | result |")
            .And.Contain("| sample | paper | lavae-total-near-paper: lavae.bce.total = 297.1 ± 29.71 | 297.1 | 310.2 | one seed | pass |")
            .And.Contain("| sample | paper | composes-better: LAVAE composes better | — | 400 ≥ 299.12 | one seed | FAIL |");
        html.Should().Contain("<caption>Every claim</caption>")
            .And.Contain("<td><a href=\"#run-1\">sample</a></td><td>paper</td><td>composes-better: LAVAE composes better</td>")
            .And.Contain("<section id=\"run-1\">");
    }

    [Fact]
    public void Ablation_metrics_get_their_own_table_and_are_not_read_as_a_reconstruction_measure()
    {
        var metrics = Metrics(lavaeTotal: 310.2, lavaeCompose: 80);
        metrics["ablation.lavae.commutator"] = 0.25;
        metrics["ablation.lavae.inversion_aug1"] = 0.001;
        metrics["ablation.cvae_auginv.commutator"] = 0.5;

        var (markdown, _) = Write(ResultsFileTests.SampleResults("smoke", metrics));

        markdown.Should().Contain("| model | commutator | inversion\\_aug1 |")
            .And.Contain("| LAVAE | 0.25 | 0.001 |")
            .And.Contain("| CVAE\\_AugInv | 0.5 | — |")
            .And.NotContain("LAVAE per image", "'ablation.lavae.x' is not the metric 'x' of a model 'ablation' in a measure 'lavae'");
    }

    [Fact]
    public void Text_from_results_is_escaped()
    {
        var results = ResultsFileTests.SampleResults("paper", Metrics(lavaeTotal: 310.2, lavaeCompose: 80)) with
        {
            Title = "Flips <script>alert('x')</script> & | pipes",
        };

        var (markdown, html) = Write(results);

        html.Should().NotContain("<script>").And.Contain("Flips &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; | pipes");
        markdown.Should().Contain("Flips \\<script\\>alert('x')\\</script\\> & \\| pipes");
    }

    [Fact]
    public void Figures_are_referenced_relative_to_the_report_and_png_shown_inline()
    {
        var (markdown, html) = Write(Metrics(lavaeTotal: 310.2, lavaeCompose: 80));

        markdown.Should().Contain("![figures/recon.png](../runs/sample/figures/recon.png)");
        html.Should().Contain("<img src=\"../runs/sample/figures/recon.png\" alt=\"figures/recon.png\">");
    }

    [Fact]
    public void A_figure_is_captioned_with_what_it_shows_and_its_svg_linked_beside_it()
    {
        var results = ResultsFileTests.SampleResults("paper", Metrics(lavaeTotal: 310.2, lavaeCompose: 80));
        results = results with { Measurements = results.Measurements with { Figures = ["figures/transfer-heatmap.png", "figures/transfer-heatmap.svg"] } };

        var (markdown, html) = Write(results);

        const string caption = "Fig. 7 / 18: total BCE per image of each decoder head (columns) on each latent space (rows), ours beside the paper on one colour scale (figures/transfer-heatmap.png)";
        html.Should().Contain($"<figcaption>{caption} <a href=\"../runs/sample/figures/transfer-heatmap.svg\">SVG</a></figcaption>")
            .And.NotContain("<p><a href=\"../runs/sample/figures/transfer-heatmap.svg\">", "the SVG is linked from its PNG's caption, not listed again");
        markdown.Should().Contain("[SVG](../runs/sample/figures/transfer-heatmap.svg)");
    }

    [Fact]
    public void The_html_is_one_self_contained_page()
    {
        var (_, html) = Write(Metrics(lavaeTotal: 310.2, lavaeCompose: 80));

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<style>").And.NotContain("<link").And.NotContain("<script")
            .And.Contain("<td><a href=\"#run-1\">Sample</a></td><td>paper</td><td>2 / 2</td><td class=\"pass\">pass</td>");
    }

    [Fact]
    public void One_report_covers_several_runs()
    {
        var smoke = Path.Combine(folder.Path, "runs", "smoke", ResultsFile.FileName);
        var paper = Path.Combine(folder.Path, "runs", "paper", ResultsFile.FileName);
        ResultsFile.Write(smoke, ResultsFileTests.SampleResults("smoke", Metrics(lavaeTotal: 400, lavaeCompose: 80)));
        ResultsFile.Write(paper, ResultsFileTests.SampleResults("paper", Metrics(lavaeTotal: 310.2, lavaeCompose: 80)));

        var files = ReportWriter.Write(folder.Path, [smoke, paper]);

        File.ReadAllText(files.Markdown).Should().Contain("| Sample | smoke | 1 / 1 | pass |")
            .And.Contain("| Sample | paper | 2 / 2 | pass |")
            .And.Contain("## Sample (smoke)").And.Contain("## Sample (paper)")
            .And.Contain("![figures/recon.png](runs/smoke/figures/recon.png)");
    }

    [Fact]
    public void Runs_of_one_experiment_and_profile_are_told_apart_by_folder_run_key_and_time()
    {
        var first = Path.Combine(folder.Path, "runs", "cpu", ResultsFile.FileName);
        var second = Path.Combine(folder.Path, "runs", "cuda", ResultsFile.FileName);
        ResultsFile.Write(first, ResultsFileTests.SampleResults("smoke", Metrics(lavaeTotal: 400, lavaeCompose: 80)));
        ResultsFile.Write(second, ResultsFileTests.SampleResults("smoke", Metrics(lavaeTotal: 401, lavaeCompose: 80)) with { RunKey = new string('b', 64) });
        File.SetLastWriteTimeUtc(first, new DateTime(2025, 3, 1, 9, 30, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(second, new DateTime(2025, 3, 2, 17, 5, 0, DateTimeKind.Utc));
        var firstKey = ResultsFile.Read(first).RunKey[..12];

        var markdown = File.ReadAllText(ReportWriter.Write(folder.Path, [first, second]).Markdown);

        markdown.Should().Contain($"| Sample | smoke | 1 / 1 | pass | runs/cpu | {firstKey} | 2025-03-01 09:30 UTC |")
            .And.Contain("| Sample | smoke | 1 / 1 | pass | runs/cuda | bbbbbbbbbbbb | 2025-03-02 17:05 UTC |")
            .And.Contain($"## Sample (smoke) in runs/cpu, run {firstKey}, 2025-03-01 09:30 UTC")
            .And.Contain("## Sample (smoke) in runs/cuda, run bbbbbbbbbbbb, 2025-03-02 17:05 UTC");
    }

    [Fact]
    public void A_damaged_results_file_is_skipped_with_a_note_and_the_other_runs_are_reported()
    {
        var good = Path.Combine(folder.Path, "runs", "good", ResultsFile.FileName);
        var damaged = Path.Combine(folder.Path, "runs", "damaged", ResultsFile.FileName);
        ResultsFile.Write(good, ResultsFileTests.SampleResults("smoke", Metrics(lavaeTotal: 400, lavaeCompose: 80)));
        Directory.CreateDirectory(Path.GetDirectoryName(damaged)!);
        File.WriteAllText(damaged, "{\"format\": \"lavae-results/4\", \"run_k");

        var files = ReportWriter.Write(folder.Path, [damaged, good]);

        files.Skipped.Should().ContainSingle().Which.Should().StartWith($"skipped {damaged}: it cannot be read ({damaged}: not a valid results file: ");
        var markdown = File.ReadAllText(files.Markdown);
        markdown.Should().Contain("> **Note:** skipped ").And.Contain("## Sample (smoke) in runs/good");
        File.ReadAllText(files.Html).Should().Contain("<p class=\"note\"><strong>Note:</strong> skipped ");
    }

    private (string Markdown, string Html) Write(IReadOnlyDictionary<string, double> metrics) =>
        Write(ResultsFileTests.SampleResults("paper", metrics));

    // The run writes into runs/sample and the report goes to a sibling folder, as a CLI would lay them out.
    private (string Markdown, string Html) Write(RunResults results)
    {
        var resultsPath = Path.Combine(folder.Path, "runs", "sample", ResultsFile.FileName);
        ResultsFile.Write(resultsPath, results);

        var files = ReportWriter.Write(Path.Combine(folder.Path, "report"), [resultsPath]);

        return (File.ReadAllText(files.Markdown), File.ReadAllText(files.Html));
    }

    private static Dictionary<string, double> Metrics(double lavaeTotal, double lavaeCompose) => new()
    {
        ["lavae.bce.orig"] = 70.25,
        ["lavae.bce.compose"] = lavaeCompose,
        ["lavae.bce.total"] = lavaeTotal,
        ["cvae_auginv.bce.orig"] = 99,
        ["cvae_auginv.bce.compose"] = 299.12,
        ["lavae.sse.orig"] = 20.5,
    };
}
