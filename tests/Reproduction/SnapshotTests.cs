using LaVae.Reports.Images;

namespace LaVae.Tests.Reproduction;

/// <summary>
/// Every snapshot image an experiment declares for the current profile, compared with
/// baselines/snapshots/&lt;experiment&gt;/&lt;name&gt;.verified.png within its stated pixel tolerance.
/// </summary>
public class SnapshotTests
{
    /// <summary>A pixel counts as changed above this difference (0..255); the tolerance bounds the mean.</summary>
    private const int ChangedPixelThreshold = 64;

    public static TheoryData<string, string> Snapshots()
    {
        var data = new TheoryData<string, string>();
        foreach (var experiment in ReproductionRuns.Catalog.Experiments)
        {
            foreach (var snapshot in experiment.Snapshots.Where(s => s.Profiles.Contains(ReproductionRuns.Profile)))
            {
                data.Add(experiment.Id, snapshot.Name);
            }
        }

        return data;
    }

    [ClaimTheory]
    [MemberData(nameof(Snapshots))]
    public void Snapshot_matches_the_verified_image(string experiment, string snapshot)
    {
        var spec = ReproductionRuns.Catalog.Find(experiment).Snapshots.Single(s => s.Name == snapshot);
        var outcome = ReproductionRuns.Get(experiment);
        var figure = Path.Combine(Path.GetDirectoryName(outcome.ResultsPath)!, "figures", $"{snapshot}.png");
        var verifier = new SnapshotVerifier(
            Path.Combine(ReproductionRuns.Root, "baselines", "snapshots", experiment),
            new SnapshotTolerance(spec.MaxMeanAbsDiff, ChangedPixelThreshold, MaxFractionAboveThreshold: 1.0));

        var result = verifier.Verify(snapshot, PngReader.Read(figure));

        result.Matched.Should().BeTrue(result.Message);
    }
}
