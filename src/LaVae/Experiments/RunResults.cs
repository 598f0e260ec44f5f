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
    public const string CurrentFormat = "lavae-results/2";

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
            experiment.Claims.Select(claim => claim.Evaluate(measurements.Metrics, baselines)).ToList());
    }
}
