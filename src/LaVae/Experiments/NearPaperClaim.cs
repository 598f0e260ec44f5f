namespace LaVae.Experiments;

/// <summary>
/// <c>metric</c> is within <c>relative_tolerance</c> of a paper value (<c>near: table1.lavae.total</c>):
/// |measured − paper| ≤ tolerance · |paper|.
/// </summary>
internal sealed class NearPaperClaim(
    string id, string? description, IReadOnlyList<string> profiles, SourceLocation location,
    string metric, string paperReference, double relativeTolerance)
    : Claim(id, description, profiles, location)
{
    public string Metric { get; } = metric;

    public string PaperReference { get; } = paperReference;

    public double RelativeTolerance { get; } = relativeTolerance;

    public override IReadOnlyList<string> Metrics { get; } = [metric];

    public override ClaimOutcome Evaluate(IReadOnlyDictionary<string, double> metrics, PaperBaselines baselines)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        if (!baselines.TryFind(PaperReference, out var paper))
        {
            return Outcome(
                passed: false, $"{Metric} near {PaperReference}", "—", paperValue: null, NumberText.Percent(RelativeTolerance),
                $"{Title}: the paper value '{PaperReference}' is not in the baselines");
        }

        var allowed = RelativeTolerance * Math.Abs(paper.Value);
        var tolerance = $"{NumberText.Percent(RelativeTolerance)} (±{NumberText.Measured(allowed)})";
        var expected = $"{Metric} = {NumberText.Exact(paper.Value)} ± {NumberText.Measured(allowed)}";
        var prefix = $"{paper.Label}: paper {NumberText.Exact(paper.Value)}";
        if (!TryMeasure(metrics, out var values, out var problem))
        {
            return Outcome(passed: false, expected, "—", paper.Value, tolerance, $"{prefix}, {problem}");
        }

        // The description, when there is one, says what a reader of a failure needs to know about this cell.
        var measured = values[0];
        var note = Description is null ? "" : $" ({Description})";
        return Outcome(
            Math.Abs(measured - paper.Value) <= allowed, expected, NumberText.Measured(measured), paper.Value, tolerance,
            $"{prefix}, measured {NumberText.Measured(measured)}, tolerance {tolerance}{note}");
    }
}
