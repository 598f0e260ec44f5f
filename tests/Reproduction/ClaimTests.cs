using LaVae.Experiments;

namespace LaVae.Tests.Reproduction;

/// <summary>Every claim of every experiments/*.yaml that applies to the current profile, as one test case.</summary>
public class ClaimTests
{
    public static TheoryData<string, string> Claims()
    {
        var data = new TheoryData<string, string>();
        foreach (var experiment in ReproductionRuns.Catalog.Experiments)
        {
            foreach (var claim in experiment.Claims.Where(c => c.Profiles.Contains(ReproductionRuns.Profile)))
            {
                data.Add(experiment.Id, claim.Id);
            }
        }

        return data;
    }

    [ClaimTheory]
    [MemberData(nameof(Claims))]
    public void Claim_holds(string experiment, string claim)
    {
        var outcome = ReproductionRuns.Get(experiment).Results.Claims.Single(c => c.ClaimId == claim);

        outcome.Passed.Should().BeTrue($"{experiment} [{ReproductionRuns.Profile}] {outcome.Message}");
    }
}
