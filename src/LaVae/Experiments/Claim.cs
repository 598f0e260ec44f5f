using System.Diagnostics.CodeAnalysis;

namespace LaVae.Experiments;

/// <summary>
/// One statement about a run's metrics, declared in an experiment file's <c>claims</c> list and
/// checked by <see cref="Evaluate"/>. A metric the run did not produce, or produced as NaN or
/// infinity, fails the claim: a claim never passes for lack of evidence.
/// </summary>
public abstract class Claim
{
    private protected Claim(string id, string? description, IReadOnlyList<string> profiles, SourceLocation location)
    {
        Id = id;
        Description = description;
        Profiles = profiles;
        Location = location;
    }

    public string Id { get; }

    /// <summary>Free text from the file, shown in reports.</summary>
    public string? Description { get; }

    /// <summary>The profiles under which the claim is checked.</summary>
    public IReadOnlyList<string> Profiles { get; }

    /// <summary>
    /// Why the statement does not hold in an honest reproduction, when the YAML declares so after
    /// measuring (<c>not_reproduced: "..."</c>); null for an ordinary claim.
    /// </summary>
    public string? NotReproducedReason { get; internal set; }

    /// <summary>With several seeds: true when each seed must satisfy the claim, false when their mean must.</summary>
    public bool EverySeed { get; internal set; }

    /// <summary>Where the claim is declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>The metric names the claim reads; the run must report all of them.</summary>
    public abstract IReadOnlyList<string> Metrics { get; }

    public abstract ClaimOutcome Evaluate(IReadOnlyDictionary<string, double> metrics, PaperBaselines baselines);

    internal bool AppliesTo(string profile) => Profiles.Contains(profile, StringComparer.Ordinal);

    /// <summary>How messages name the claim when no paper label does.</summary>
    private protected string Title => Description ?? Id;

    private protected ClaimOutcome Outcome(
        bool passed, string expected, string measured, double? paperValue, string? tolerance, string message) =>
        new(Id, Description, passed, expected, measured, paperValue, tolerance, message);

    /// <summary>Reads <see cref="Metrics"/> in order, or says which one is missing or not finite.</summary>
    private protected bool TryMeasure(
        IReadOnlyDictionary<string, double> metrics, out double[] values, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        values = new double[Metrics.Count];
        for (var i = 0; i < Metrics.Count; i++)
        {
            if (!metrics.TryGetValue(Metrics[i], out values[i]))
            {
                problem = $"metric '{Metrics[i]}' is missing from the results";
                return false;
            }

            if (!double.IsFinite(values[i]))
            {
                problem = $"metric '{Metrics[i]}' is {NumberText.Exact(values[i])}";
                return false;
            }
        }

        problem = null;
        return true;
    }
}
