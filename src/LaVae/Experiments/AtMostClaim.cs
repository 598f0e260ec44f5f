namespace LaVae.Experiments;

/// <summary><c>metric</c> is no larger than an absolute bound (<c>at_most: 150</c>).</summary>
internal sealed class AtMostClaim(
    string id, string? description, IReadOnlyList<string> profiles, SourceLocation location, string metric, double bound)
    : Claim(id, description, profiles, location)
{
    public string Metric { get; } = metric;

    public double Bound { get; } = bound;

    public override IReadOnlyList<string> Metrics { get; } = [metric];

    public override ClaimOutcome Evaluate(IReadOnlyDictionary<string, double> metrics, PaperBaselines baselines)
    {
        var expected = $"{Metric} ≤ {NumberText.Exact(Bound)}";
        if (!TryMeasure(metrics, out var values, out var problem))
        {
            return Outcome(passed: false, expected, "—", paperValue: null, tolerance: null, $"{Title}: expected {expected}, but {problem}");
        }

        var measured = NumberText.Measured(values[0]);
        return Outcome(
            values[0] <= Bound, expected, measured, paperValue: null, tolerance: null,
            $"{Title}: expected {expected}, measured {Metric} = {measured}");
    }
}
