using LaVae.Artifacts;
using LaVae.Measures;

namespace LaVae.Figures;

/// <summary>What a figure is drawn from: the design, the trained parts of one seed and the measured metrics.</summary>
/// <param name="Seed">The seed whose trained parts pictures show (the experiment's first).</param>
/// <param name="Metrics">Metric → value, the mean over seeds.</param>
/// <param name="PaperValue">A baselines/paper reference (fig7.row.column) → the paper's number, when it has one.</param>
/// <param name="Grids">Model → the reconstruction grids to draw for it (file name, digits).</param>
/// <param name="OutputFolder">The run folder; figures go under figures/.</param>
public sealed record FigureContext(
    ExperimentDesign Design,
    int Seed,
    ArtifactProvider Artifacts,
    IReadOnlyDictionary<string, double> Metrics,
    Func<string, double?> PaperValue,
    IReadOnlyDictionary<string, IReadOnlyList<(string Name, int Digits)>> Grids,
    string OutputFolder)
{
    public const string Folder = "figures";

    /// <summary>Each seed's metrics, in the order of the experiment's seeds: what a figure draws a spread from.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> PerSeed { get; init; } = [];

    /// <summary>The relative path of a figure file, '/'-separated as results.json lists them.</summary>
    public static string PathOf(string fileName) => $"{Folder}/{fileName}";

    /// <summary>The absolute path to write <paramref name="relative"/> to.</summary>
    public string FileOf(string relative) => Path.Combine(OutputFolder, relative);
}
