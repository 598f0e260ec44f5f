namespace LaVae.Experiments;

/// <summary>
/// <c>metric</c> against an absolute bound: no larger (<c>at_most: 150</c>) or no smaller
/// (<c>at_least: 0.9</c>, e.g. an accuracy or a share of stable digits).
/// </summary>
internal sealed class BoundClaim(
    string id, string? description, IReadOnlyList<string> profiles, SourceLocation location, string metric, double bound, bool atLeast)
    : Claim(id, description, profiles, location)
{
    public string Metric { get; } = metric;

    public double Bound { get; } = bound;

    /// <summary>True for <c>at_least</c>, false for <c>at_most</c>.</summary>
    public bool AtLeast { get; } = atLeast;

    public override IReadOnlyList<string> Metrics { get; } = [metric];

    public override ClaimOutcome Evaluate(IReadOnlyDictionary<string, double> metrics, PaperBaselines baselines)
    {
        var expected = $"{Metric} {(AtLeast ? "≥" : "≤")} {NumberText.Exact(Bound)}";
        if (!TryMeasure(metrics, out var values, out var problem))
        {
            return Outcome(passed: false, expected, "—", paperValue: null, tolerance: null, $"{Title}: expected {expected}, but {problem}");
        }

        var measured = NumberText.Measured(values[0]);
        return Outcome(
            AtLeast ? values[0] >= Bound : values[0] <= Bound, expected, measured, paperValue: null, tolerance: null,
            $"{Title}: expected {expected}, measured {Metric} = {measured}");
    }
}
