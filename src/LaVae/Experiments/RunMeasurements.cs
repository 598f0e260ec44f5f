namespace LaVae.Experiments;

/// <summary>What a run measured, as the trainer hands it over.</summary>
/// <param name="Device">Where it ran, e.g. "cpu (2 cores)" or "cuda: NVIDIA H100".</param>
/// <param name="Versions">Component → version (lavae, libtorch, dotnet, ...).</param>
/// <param name="TimingsSeconds">Phase → wall-clock seconds (stage1, stage2, evaluation, ...).</param>
/// <param name="Metrics">Metric name (<c>lavae.bce.total</c>) → value.</param>
/// <param name="Figures">Image files, relative to the folder that holds results.json, '/'-separated.</param>
public sealed record RunMeasurements(
    string Device,
    IReadOnlyDictionary<string, string> Versions,
    IReadOnlyDictionary<string, double> TimingsSeconds,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> Figures);
