using LaVae.Experiments;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Experiments;

/// <summary>
/// The heatmap experiments as written: their paper claims say what the paper's Fig. 7 and 18 say,
/// and they share the latent spaces Table I trains rather than training their own.
/// </summary>
public class TransferExperimentsTests
{
    private static readonly ExperimentCatalog Catalog = ExperimentCatalog.Load(RepoRoot.Path);

    [Theory]
    [InlineData("fig7-transfer", "fig7", 16)]
    [InlineData("fig18-transfer", "fig18", 12)]
    public void Every_paper_cell_is_claimed_within_10_percent_under_the_paper_profile(string id, string table, int cells)
    {
        var experiment = Catalog.Find(id);
        var near = experiment.Resolve("paper").Claims.OfType<NearPaperClaim>().ToList();

        near.Should().HaveCount(cells).And.OnlyContain(claim => claim.RelativeTolerance == 0.10);
        foreach (var claim in near)
        {
            var parts = claim.PaperReference.Split('.');
            parts[0].Should().Be(table);
            claim.Metric.Should().Be($"transfer.{parts[1]}.{parts[2]}.bce.total", "a claim compares a cell with the same cell of the paper");
        }
    }

    [Theory]
    [InlineData("fig7-transfer", "fig7")]
    [InlineData("fig18-transfer", "fig18")]
    public void Each_columns_ranking_claim_lists_every_latent_space_in_the_papers_order(string id, string table)
    {
        var experiment = Catalog.Find(id);
        var sources = experiment.Transfer!.Sources.Select(pair => string.Join(',', pair)).ToList();
        var rankings = experiment.Resolve("paper").Claims.Where(claim => claim.Id.EndsWith("-column-ranks-like-the-paper", StringComparison.Ordinal)).ToList();

        rankings.Should().HaveCount(experiment.Transfer.Targets.Count, "one ranking per column");
        foreach (var claim in rankings)
        {
            var cells = claim.Metrics.Select(metric => metric.Split('.')).ToList();
            cells.Select(cell => cell[2]).Distinct().Should().ContainSingle("a ranking compares the cells of one column");
            cells.Select(cell => cell[1]).Should().BeEquivalentTo(sources);
            var paper = cells.Select(cell => Catalog.Baselines.TryFind($"{table}.{cell[1]}.{cell[2]}", out var value) ? value.Value : double.NaN).ToList();
            paper.Should().BeInAscendingOrder($"{claim.Id} lists the latent spaces as the paper ranks them");
        }
    }

    [Theory]
    [InlineData("smoke")]
    [InlineData("paper")]
    public void Table_I_and_both_heatmaps_plan_one_flips_latent_space(string profile)
    {
        var options = new RunOptions(profile, CPU, "unused", "unused");
        var table = ExperimentRunner.Plan(Catalog.Find("table1-flips"), options).Graph;
        var fig7 = ExperimentRunner.Plan(Catalog.Find("fig7-transfer"), options).Graph;
        var fig18 = ExperimentRunner.Plan(Catalog.Find("fig18-transfer"), options).Graph;

        var flips = table.Nodes.Where(node => node.Spec.Kind == "lavae").Select(node => node.Key).ToList();
        flips.Should().HaveCount(3, "Table I trains one Flips latent space per seed");
        fig7.Nodes.Select(node => node.Key).Should().Contain(flips, "Fig. 7's Flips row is Table I's LAVAE, seed by seed");
        fig18.Nodes.Where(node => node.Level == 0).Select(node => node.Key)
            .Should().BeSubsetOf(fig7.Nodes.Where(node => node.Level == 0).Select(node => node.Key), "Fig. 18 reads Fig. 7's four latent spaces of seed 1");
        fig7.Nodes.Should().HaveCount(3 * (4 + 12), "on each of three seeds, 4 latent spaces and a head for each off-diagonal cell");
        fig18.Nodes.Should().HaveCount(4 + 12);
    }
}
