using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

public class ClaimTests
{
    private static readonly PaperBaselines Baselines = ExperimentCatalog.Load(RepoRoot.Path).Baselines;
    private static readonly SourceLocation Somewhere = new("experiments/x.yaml", 1, 1);

    [Fact]
    public void Near_passes_within_the_relative_tolerance_and_says_so_in_the_papers_terms()
    {
        var outcome = Near().Evaluate(Samples.Metrics(("lavae.bce.total", 310.2)), Baselines);

        outcome.Should().BeEquivalentTo(new
        {
            ClaimId = "lavae-total-near-paper",
            Passed = true,
            Expected = "lavae.bce.total = 297.1 ± 29.71",
            Measured = "310.2",
            PaperValue = 297.1,
            Tolerance = "10% (±29.71)",
            Message = "Table I, LAVAE Total: paper 297.1, measured 310.2, tolerance 10% (±29.71)",
        });
    }

    [Fact]
    public void A_near_claims_description_is_added_to_its_message()
    {
        var claim = new NearPaperClaim(
            "lavae-total-near-paper", "printed total", ["paper"], Somewhere, "lavae.bce.total", "table1.lavae.total", 0.10);

        var outcome = claim.Evaluate(Samples.Metrics(("lavae.bce.total", 250)), Baselines);

        outcome.Passed.Should().BeFalse();
        outcome.Message.Should().Be("Table I, LAVAE Total: paper 297.1, measured 250, tolerance 10% (±29.71) (printed total)");
    }

    // 10% of 297.1 is 29.71: the band is [267.39, 326.81].
    [Theory]
    [InlineData(267.40, true)]
    [InlineData(326.80, true)]
    [InlineData(267.38, false)]
    [InlineData(326.82, false)]
    public void Near_accepts_up_to_the_tolerance_and_no_further(double measured, bool passed) =>
        Near().Evaluate(Samples.Metrics(("lavae.bce.total", measured)), Baselines).Passed.Should().Be(passed);

    [Fact]
    public void A_missing_metric_fails_and_says_which()
    {
        var outcome = Near().Evaluate(Samples.Metrics(("lavae.bce.orig", 68.0)), Baselines);

        outcome.Passed.Should().BeFalse();
        outcome.Measured.Should().Be("—");
        outcome.Message.Should().Be("Table I, LAVAE Total: paper 297.1, metric 'lavae.bce.total' is missing from the results");
    }

    [Fact]
    public void A_metric_that_is_not_a_number_fails()
    {
        var outcome = Near().Evaluate(Samples.Metrics(("lavae.bce.total", double.NaN)), Baselines);

        outcome.Passed.Should().BeFalse();
        outcome.Message.Should().EndWith("metric 'lavae.bce.total' is NaN");
    }

    [Fact]
    public void A_paper_value_absent_from_the_baselines_fails()
    {
        var outcome = Near().Evaluate(Samples.Metrics(("lavae.bce.total", 297.1)), new PaperBaselines([]));

        outcome.Passed.Should().BeFalse();
        outcome.Message.Should().Be("lavae-total-near-paper: the paper value 'table1.lavae.total' is not in the baselines");
    }

    [Fact]
    public void Order_passes_when_strictly_ascending()
    {
        var outcome = Order().Evaluate(
            Samples.Metrics(("lavae.bce.total", 297.1), ("cvae_auginv.bce.total", 695.68), ("cvae_trad.bce.total", 989.84)), Baselines);

        outcome.Passed.Should().BeTrue();
        outcome.Expected.Should().Be("lavae.bce.total < cvae_auginv.bce.total < cvae_trad.bce.total");
        outcome.Measured.Should().Be("297.1 < 695.68 < 989.84");
        outcome.PaperValue.Should().BeNull();
        outcome.Tolerance.Should().BeNull();
    }

    [Theory]
    [InlineData(297.1, 800.0, 700.0, "297.1 < 800 ≥ 700")]
    [InlineData(297.1, 297.1, 700.0, "297.1 ≥ 297.1 < 700")]
    public void Order_fails_and_shows_where_it_breaks(double lavae, double augInv, double trad, string measured)
    {
        var outcome = Order().Evaluate(
            Samples.Metrics(("lavae.bce.total", lavae), ("cvae_auginv.bce.total", augInv), ("cvae_trad.bce.total", trad)), Baselines);

        outcome.Passed.Should().BeFalse();
        outcome.Measured.Should().Be(measured);
        outcome.Message.Should().Be($"Total ordering: expected lavae.bce.total < cvae_auginv.bce.total < cvae_trad.bce.total, measured {measured}");
    }

    [Fact]
    public void Order_with_a_missing_metric_fails()
    {
        var outcome = Order().Evaluate(Samples.Metrics(("lavae.bce.total", 297.1), ("cvae_trad.bce.total", 989.84)), Baselines);

        outcome.Passed.Should().BeFalse();
        outcome.Message.Should().EndWith("but metric 'cvae_auginv.bce.total' is missing from the results");
    }

    [Theory]
    [InlineData(150.0, true)]
    [InlineData(150.01, false)]
    public void At_most_is_an_inclusive_upper_bound(double measured, bool passed)
    {
        var claim = new BoundClaim("orig-bound", null, ["smoke"], Somewhere, "lavae.bce.orig", 150, atLeast: false);

        var outcome = claim.Evaluate(Samples.Metrics(("lavae.bce.orig", measured)), Baselines);

        outcome.Passed.Should().Be(passed);
        outcome.Expected.Should().Be("lavae.bce.orig ≤ 150");
    }

    [Theory]
    [InlineData(0.9, true)]
    [InlineData(0.8999, false)]
    public void At_least_is_an_inclusive_lower_bound(double measured, bool passed)
    {
        var claim = new BoundClaim("identity-kept", null, ["smoke"], Somewhere, "identity.lavae.aug1", 0.9, atLeast: true);

        var outcome = claim.Evaluate(Samples.Metrics(("identity.lavae.aug1", measured)), Baselines);

        outcome.Passed.Should().Be(passed);
        outcome.Expected.Should().Be("identity.lavae.aug1 ≥ 0.9");
    }

    [Fact]
    public void At_least_is_read_from_yaml()
    {
        var experiment = Samples.Parse(Samples.With("metric: lavae.bce.compose", "metric: lavae.bce.orig\n    at_least: 12")
            .Replace("    less_than: cvae_auginv.bce.compose\n", "", StringComparison.Ordinal));

        experiment.Claims.OfType<BoundClaim>().Should().ContainSingle().Which.Should().Match<BoundClaim>(c => c.AtLeast && c.Bound == 12);
    }

    private static NearPaperClaim Near() =>
        new("lavae-total-near-paper", null, ["paper"], Somewhere, "lavae.bce.total", "table1.lavae.total", 0.10);

    private static OrderClaim Order() =>
        new("total-ordering", "Total ordering", ["smoke"], Somewhere, ["lavae.bce.total", "cvae_auginv.bce.total", "cvae_trad.bce.total"]);
}
