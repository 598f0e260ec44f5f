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
public sealed record ClaimOutcome(
    string ClaimId,
    string? Description,
    bool Passed,
    string Expected,
    string Measured,
    double? PaperValue,
    string? Tolerance,
    string Message,
    string? NotReproduced = null)
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
