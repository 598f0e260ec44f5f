namespace LaVae.Experiments;

/// <summary>
/// The content of a results.json: which run (key, experiment, resolved definition), what it measured,
/// the paper values to show beside the metrics, and the verdict on each claim of its profile.
/// </summary>
/// <param name="Format">The results format, <see cref="CurrentFormat"/> when written by this code.</param>
/// <param name="PaperValues">Metric name → the paper value that a <c>near</c> claim of any profile compares it with.</param>
public sealed record RunResults(
    string Format,
    string RunKey,
    string ExperimentId,
    string Title,
    string PaperReference,
    RunDefinition Run,
    RunMeasurements Measurements,
    IReadOnlyDictionary<string, double> PaperValues,
    IReadOnlyList<ClaimOutcome> Claims)
{
    public const string CurrentFormat = "lavae-results/3";

    /// <summary>
    /// Judges the experiment's claims on <paramref name="measurements"/>. Call it again on stored
    /// measurements after editing claims: that needs no retraining.
    /// </summary>
    public static RunResults FromMeasurements(
        ResolvedExperiment experiment, RunKey key, RunMeasurements measurements, PaperBaselines baselines)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(baselines);
        var definition = experiment.Experiment;

        // Paper values come from every profile's near claims: a smoke report still shows the paper beside our numbers.
        var paperValues = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var claim in definition.Claims.OfType<NearPaperClaim>())
        {
            if (baselines.TryFind(claim.PaperReference, out var paper))
            {
                paperValues[claim.Metric] = paper.Value;
            }
        }

        return new RunResults(
            CurrentFormat,
            key.Value,
            definition.Id,
            definition.Title,
            definition.PaperReference,
            experiment.Run,
            measurements,
            paperValues,
            experiment.Claims.Select(claim => Declared(claim, Judge(claim, measurements, baselines))).ToList());
    }

    // A claim declared not reproduced passes while its statement fails, and fails loudly once it holds.
    private static ClaimOutcome Declared(Claim claim, ClaimOutcome outcome) => claim.NotReproducedReason is not { } reason
        ? outcome
        : outcome with
        {
            Passed = !outcome.Passed,
            NotReproduced = reason,
            Message = outcome.Passed
                ? $"declared not reproduced ({reason}), but it holds now: remove 'not_reproduced' from the claim. {outcome.Message}"
                : $"not reproduced, as declared ({reason}): {outcome.Message}",
        };

    // A claim on every seed holds when it holds for each seed's own metrics; its message names the seeds that fail.
    private static ClaimOutcome Judge(Claim claim, RunMeasurements measurements, PaperBaselines baselines)
    {
        if (!claim.EverySeed || measurements.Seeds.Count < 2)
        {
            return claim.Evaluate(measurements.Metrics, baselines);
        }

        var outcomes = measurements.Seeds.Select((seed, i) => (Seed: seed, Outcome: claim.Evaluate(measurements.OfSeed(i), baselines))).ToList();
        var failures = outcomes.Where(o => !o.Outcome.Passed).ToList();
        var first = outcomes[0].Outcome;
        var measured = string.Join("; ", outcomes.Select(o => $"seed {o.Seed}: {o.Outcome.Measured}"));
        var message = failures.Count == 0
            ? $"{first.Message} (every seed: {measured})"
            : $"fails for seed {string.Join(", ", failures.Select(f => f.Seed))} of {measurements.Seeds.Count}: " +
              string.Join(" | ", failures.Select(f => $"seed {f.Seed}: {f.Outcome.Message}"));
        return first with { Passed = failures.Count == 0, Measured = measured, Message = message };
    }
}
