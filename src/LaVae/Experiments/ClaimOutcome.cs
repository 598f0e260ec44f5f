namespace LaVae.Experiments;

/// <summary>
/// The verdict on one claim for one run. <paramref name="Message"/> is what a failing test prints,
/// e.g. "Table I, LAVAE Total: paper 297.1, measured 310.2, tolerance 10% (±29.71)".
/// </summary>
/// <param name="Expected">What the claim requires, in words and numbers.</param>
/// <param name="Measured">Our value(s), or "—" when the run did not produce them.</param>
/// <param name="PaperValue">The paper's number, for claims that compare against one.</param>
/// <param name="Tolerance">The allowed deviation, for claims that have one.</param>
/// <param name="NotReproduced">
/// For a claim the YAML declares not reproduced (with this reason): <paramref name="Passed"/> is true
/// while the statement still fails, as declared, and false once it holds, so the YAML gets corrected.
/// </param>
/// <param name="Seeds">With several seeds: how many seeds' own metrics satisfy the statement, of how many, whatever the claim is judged on.</param>
public sealed record ClaimOutcome(
    string ClaimId,
    string? Description,
    bool Passed,
    string Expected,
    string Measured,
    double? PaperValue,
    string? Tolerance,
    string Message,
    string? NotReproduced = null,
    SeedCount? Seeds = null)
{
    /// <summary>The verdict in a word: pass, FAIL, "not reproduced" (as declared), or "reproduced?" (declared not, but holds).</summary>
    public string Verdict => (NotReproduced, Passed) switch
    {
        (null, true) => "pass",
        (null, false) => "FAIL",
        (_, true) => "not reproduced",
        (_, false) => "holds: fix the YAML",
    };
}

/// <summary>
/// How a claim fares seed by seed: <paramref name="Holding"/> of <paramref name="Of"/> seeds' own
/// metrics satisfy its statement (<paramref name="Failing"/> names the others); <paramref name="JudgedOn"/>
/// says whether the verdict is on the seeds' mean or on every seed; <paramref name="Spread"/> gives each
/// metric the claim reads as mean ± sd (min–max).
/// </summary>
public sealed record SeedCount(int Holding, int Of, IReadOnlyList<int> Failing, string JudgedOn, IReadOnlyDictionary<string, string> Spread)
{
    /// <summary>"3 of 3 seeds", or "2 of 3 seeds (not seed 2)".</summary>
    public override string ToString() =>
        $"{Holding} of {Of} seeds{(Failing.Count == 0 ? "" : $" (not seed {string.Join(", ", Failing)})")}";
}
