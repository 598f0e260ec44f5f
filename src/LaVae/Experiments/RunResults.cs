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
    public const string CurrentFormat = "lavae-results/4";

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

    // With several seeds every claim is also judged on each seed's own metrics, so its verdict says how
    // many seeds satisfy it; a claim on every seed holds only when all do, a claim on the mean as the
    // mean says, and a mean that holds while a seed fails is shown as such.
    private static ClaimOutcome Judge(Claim claim, RunMeasurements measurements, PaperBaselines baselines)
    {
        if (measurements.Seeds.Count < 2)
        {
            return claim.Evaluate(measurements.Metrics, baselines);
        }

        var outcomes = measurements.Seeds.Select((seed, i) => (Seed: seed, Outcome: claim.Evaluate(measurements.OfSeed(i), baselines))).ToList();
        var failures = outcomes.Where(o => !o.Outcome.Passed).ToList();
        var spread = claim.Metrics.Distinct(StringComparer.Ordinal)
            .Where(measurements.PerSeed.ContainsKey)
            .ToDictionary(metric => metric, metric => NumberText.Spread(measurements.PerSeed[metric]), StringComparer.Ordinal);
        var seeds = new SeedCount(outcomes.Count - failures.Count, outcomes.Count, [.. failures.Select(f => f.Seed)],
            claim.EverySeed ? "every seed" : $"the mean of {outcomes.Count} seeds", spread);
        var spreadText = spread.Count == 0 ? "" : "; " + string.Join("; ", spread.Select(s => $"{s.Key} {s.Value}"));
        if (claim.EverySeed)
        {
            var first = outcomes[0].Outcome;
            var message = failures.Count == 0
                ? $"seed {outcomes[0].Seed}: {first.Message} [on every seed: {seeds}{spreadText}]"
                : $"fails for seed {string.Join(", ", failures.Select(f => f.Seed))} of {measurements.Seeds.Count}: " +
                  string.Join(" | ", failures.Select(f => $"seed {f.Seed}: {f.Outcome.Message}")) + $" [on every seed: {seeds}{spreadText}]";
            return first with
            {
                Passed = failures.Count == 0,
                Measured = string.Join("; ", outcomes.Select(o => $"seed {o.Seed}: {o.Outcome.Measured}")),
                Message = message,
                Seeds = seeds,
            };
        }

        var onMean = claim.Evaluate(measurements.Metrics, baselines);
        var mixed = onMean.Passed && failures.Count > 0 ? "; holds on the mean but not on every seed" : "";
        return onMean with { Message = $"{onMean.Message} [on {seeds.JudgedOn}: {seeds}{mixed}{spreadText}]", Seeds = seeds };
    }
}
