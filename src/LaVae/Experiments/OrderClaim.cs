namespace LaVae.Experiments;

/// <summary>
/// The metrics are strictly ascending: <c>order: [a, b, c]</c> means a &lt; b &lt; c.
/// <c>metric: a, less_than: b</c> is the two-metric case.
/// </summary>
internal sealed class OrderClaim(
    string id, string? description, IReadOnlyList<string> profiles, SourceLocation location, IReadOnlyList<string> ascending)
    : Claim(id, description, profiles, location)
{
    public override IReadOnlyList<string> Metrics { get; } = ascending;

    public override ClaimOutcome Evaluate(IReadOnlyDictionary<string, double> metrics, PaperBaselines baselines)
    {
        var expected = string.Join(" < ", Metrics);
        if (!TryMeasure(metrics, out var values, out var problem))
        {
            return Outcome(passed: false, expected, "—", paperValue: null, tolerance: null, $"{Title}: expected {expected}, but {problem}");
        }

        // Print each step with the relation that holds, so a broken order shows where it breaks.
        var measured = NumberText.Measured(values[0]);
        var passed = true;
        for (var i = 1; i < values.Length; i++)
        {
            var ascendingStep = values[i - 1] < values[i];
            passed &= ascendingStep;
            measured += $" {(ascendingStep ? "<" : "≥")} {NumberText.Measured(values[i])}";
        }

        return Outcome(passed, expected, measured, paperValue: null, tolerance: null, $"{Title}: expected {expected}, measured {measured}");
    }
}
