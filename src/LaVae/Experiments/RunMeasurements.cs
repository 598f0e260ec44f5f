using LaVae.Artifacts;

namespace LaVae.Experiments;

/// <summary>What a run measured, as the runner hands it over.</summary>
/// <param name="Device">Where it ran, e.g. "cpu (2 cores)" or "cuda: NVIDIA H100".</param>
/// <param name="Versions">Component → version (lavae, libtorch, dotnet, ...).</param>
/// <param name="TimingsSeconds">Phase → wall-clock seconds (training, measuring, figures).</param>
/// <param name="Metrics">Metric name (<c>lavae.bce.total</c>) → value; with several seeds, the mean over them.</param>
/// <param name="Figures">Image files, relative to the folder that holds results.json, '/'-separated.</param>
/// <param name="Seeds">The seeds measured, in the order of <paramref name="PerSeed"/>'s values.</param>
/// <param name="PerSeed">Metric name → its value for each seed.</param>
/// <param name="Curves">Every trained part's per-epoch losses, in the plan's order.</param>
public sealed record RunMeasurements(
    string Device,
    IReadOnlyDictionary<string, string> Versions,
    IReadOnlyDictionary<string, double> TimingsSeconds,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> Figures,
    IReadOnlyList<int> Seeds,
    IReadOnlyDictionary<string, IReadOnlyList<double>> PerSeed,
    IReadOnlyList<PartCurves> Curves)
{
    /// <summary>The metrics of the seed at <paramref name="index"/> in <see cref="Seeds"/>.</summary>
    public IReadOnlyDictionary<string, double> OfSeed(int index) =>
        PerSeed.ToDictionary(metric => metric.Key, metric => metric.Value[index], StringComparer.Ordinal);

    /// <summary>Per-seed metrics → the mean of each metric (a metric some seed lacks is left out).</summary>
    public static Dictionary<string, double> Mean(IReadOnlyList<IReadOnlyDictionary<string, double>> perSeed)
    {
        ArgumentNullException.ThrowIfNull(perSeed);
        return perSeed[0].Keys
            .Where(metric => perSeed.All(seed => seed.ContainsKey(metric)))
            .ToDictionary(metric => metric, metric => perSeed.Average(seed => seed[metric]), StringComparer.Ordinal);
    }
}
