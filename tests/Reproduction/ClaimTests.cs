using LaVae.Experiments;

namespace LaVae.Tests.Reproduction;

/// <summary>
/// Every claim of every experiments/*.yaml as one test case: judged when it applies to the current
/// profile (LAVAE_PROFILE, default smoke), otherwise listed as skipped with the profile that judges it
/// (the paper's cells need a GPU runner, the budget ladder an hour of CPU), so no claim drops out of
/// the default run unseen.
/// </summary>
public class ClaimTests
{
    public static TheoryData<string, string> Claims()
    {
        var data = new TheoryData<string, string>();
        foreach (var experiment in ReproductionRuns.Catalog.Experiments)
        {
            foreach (var claim in experiment.Claims)
            {
                data.Add(experiment.Id, claim.Id);
            }
        }

        return data;
    }

    /// <summary>Why a claim (or snapshot) is not judged under the current profile, or null when it is.</summary>
    public static string? SkipReason(string experiment, string claim)
    {
        var declared = ReproductionRuns.Catalog.Find(experiment);
        var profiles = declared.Claims.FirstOrDefault(c => c.Id == claim)?.Profiles
            ?? declared.Snapshots.Single(s => s.Name == claim).Profiles;
        return profiles.Contains(ReproductionRuns.Profile)
            ? null
            : $"a claim of the {string.Join(" and ", profiles)} profile{(profiles.Count == 1 ? "" : "s")}, not {ReproductionRuns.Profile}: LAVAE_PROFILE={profiles[0]} dotnet test judges it";
    }

    [ClaimTheory]
    [MemberData(nameof(Claims))]
    public void Claim_holds(string experiment, string claim)
    {
        var outcome = ReproductionRuns.Get(experiment).Results.Claims.Single(c => c.ClaimId == claim);

        outcome.Passed.Should().BeTrue($"{experiment} [{ReproductionRuns.Profile}] {outcome.Message}");
    }
}
