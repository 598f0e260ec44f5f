using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

/// <summary>
/// With several seeds every verdict says how many seeds' own metrics satisfy the statement, with each
/// metric's mean ± sd (min–max), whether the claim is judged on the mean or on every seed; a claim that
/// holds on the mean while a seed fails says so.
/// </summary>
public class SeedVerdictTests
{
    // The sample claim: lavae.bce.compose < cvae_auginv.bce.compose, judged on the mean.
    [Fact]
    public void A_claim_on_the_mean_that_a_seed_fails_passes_and_says_which_seed_fails()
    {
        var outcome = Judge(lavae: [100, 120, 320], cvae: [299, 299, 299]);

        outcome.Passed.Should().BeTrue("the mean 180 is below 299");
        outcome.Seeds.Should().NotBeNull();
        outcome.Seeds!.Holding.Should().Be(2);
        outcome.Seeds.Of.Should().Be(3);
        outcome.Seeds.Failing.Should().Equal(3);
        outcome.Seeds.JudgedOn.Should().Be("the mean of 3 seeds");
        outcome.Seeds.ToString().Should().Be("2 of 3 seeds (not seed 3)");
        outcome.Message.Should().Contain("[on the mean of 3 seeds: 2 of 3 seeds (not seed 3); holds on the mean but not on every seed");
        // mean 180, sd sqrt(((−80)² + (−60)² + 140²) / 2) = sqrt(6400 + 3600 + 19600) / sqrt 2 = 121.66
        outcome.Seeds.Spread["lavae.bce.compose"].Should().Be("180 ± 121.7 (100–320)");
        outcome.Message.Should().Contain("lavae.bce.compose 180 ± 121.7 (100–320)").And.Contain("cvae_auginv.bce.compose 299 ± 0 (299–299)");
    }

    [Fact]
    public void A_claim_on_the_mean_that_every_seed_satisfies_counts_them_all()
    {
        var outcome = Judge(lavae: [100, 110, 120], cvae: [299, 300, 301]);

        outcome.Passed.Should().BeTrue();
        outcome.Seeds!.ToString().Should().Be("3 of 3 seeds");
        outcome.Message.Should().NotContain("not on every seed");
    }

    [Fact]
    public void A_claim_on_every_seed_fails_when_one_seed_fails_and_still_counts_the_others()
    {
        var outcome = Judge(lavae: [100, 120, 320], cvae: [299, 299, 299], everySeed: true);

        outcome.Passed.Should().BeFalse();
        outcome.Seeds!.Holding.Should().Be(2);
        outcome.Seeds.JudgedOn.Should().Be("every seed");
        outcome.Message.Should().StartWith("fails for seed 3 of 3: seed 3: ").And.Contain("[on every seed: 2 of 3 seeds (not seed 3)");
    }

    [Fact]
    public void A_claim_the_mean_fails_counts_the_seeds_that_hold()
    {
        var outcome = Judge(lavae: [100, 500, 500], cvae: [299, 299, 299]);

        outcome.Passed.Should().BeFalse();
        outcome.Seeds!.ToString().Should().Be("1 of 3 seeds (not seed 2, 3)");
    }

    [Fact]
    public void One_seed_has_nothing_to_count()
    {
        var outcome = Judge(lavae: [100], cvae: [299]);

        outcome.Passed.Should().BeTrue();
        outcome.Seeds.Should().BeNull();
    }

    private static ClaimOutcome Judge(double[] lavae, double[] cvae, bool everySeed = false)
    {
        var yaml = everySeed ? Samples.With("    profiles: [smoke, paper]", "    profiles: [smoke, paper]\n    on: every_seed") : Samples.ExperimentYaml;
        var resolved = Samples.Parse(yaml).Resolve("smoke");
        var perSeed = new Dictionary<string, IReadOnlyList<double>> { ["lavae.bce.compose"] = lavae, ["cvae_auginv.bce.compose"] = cvae };
        var mean = perSeed.ToDictionary(m => m.Key, m => m.Value.Average());
        var seeds = Enumerable.Range(1, lavae.Length).ToList();
        var measurements = new RunMeasurements("cpu", new Dictionary<string, string>(), new Dictionary<string, double>(), mean, [], seeds, perSeed, []);
        return RunResults.FromMeasurements(resolved, RunKey.Compute(resolved.Run, "cpu", []), measurements, Samples.Baselines).Claims.Single();
    }
}
