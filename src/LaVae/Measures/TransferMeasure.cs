using LaVae.Artifacts;
using LaVae.Evaluation;

namespace LaVae.Measures;

/// <summary>
/// The cells of a transfer heatmap (Fig. 7, 18): for each latent space (source pair) and target pair,
/// the reconstruction columns of the head trained for the target, as
/// <c>transfer.&lt;source&gt;.&lt;target&gt;.&lt;bce|sse&gt;.&lt;orig|aug1|aug2|compose|total&gt;</c>. The diagonal
/// is the latent space's own decoder 0, whose total is Table I's LAVAE total.
/// </summary>
internal sealed class TransferMeasure : IMeasure
{
    public static readonly string[] Columns = ["orig", "aug1", "aug2", "compose", "total"];

    public string Name => "transfer";

    public static string Metric(string source, string target, string measure, string column) => $"transfer.{source}.{target}.{measure}.{column}";

    public string? Problem(ExperimentDesign design) => design.Transfer is null ? "'transfer' needs a 'transfer' block (sources, targets)" : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        from source in design.Transfer!.Sources
        from target in design.Transfer.Targets
        from measure in new[] { "bce", "sse" }
        from column in Columns
        select Metric(TransferGrid.Name(source), TransferGrid.Name(target), measure, column);

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) =>
        from source in design.Transfer!.Sources
        from target in design.Transfer.Targets
        select Cell(design, source, target, seed);

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var source in design.Transfer!.Sources)
        {
            foreach (var target in design.Transfer.Targets)
            {
                var node = artifacts.Node(Cell(design, source, target, seed));
                var columns = artifacts.Columns(node).Where(column => Columns.Contains(column.Name)).ToList();
                foreach (var (name, value) in ReconstructionErrors.Measure(artifacts.TestSets(node.Spec), columns))
                {
                    var parts = name.Split('.');
                    metrics[Metric(TransferGrid.Name(source), TransferGrid.Name(target), parts[0], parts[1])] = value;
                }
            }
        }

        return metrics;
    }

    /// <summary>The part that decodes a cell: decoder 0 of the latent space on the diagonal, else the head.</summary>
    public static ArtifactSpec Cell(ExperimentDesign design, IReadOnlyList<string> source, IReadOnlyList<string> target, int seed) =>
        TransferGrid.Name(source) == TransferGrid.Name(target) ? design.LatentSpace(source, seed) : design.Head(source, target, seed);
}
