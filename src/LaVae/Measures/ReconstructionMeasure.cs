using LaVae.Artifacts;
using LaVae.Evaluation;

namespace LaVae.Measures;

/// <summary>
/// Table I: every listed model's reconstruction columns on the pair's test sets, as
/// <c>&lt;model&gt;.&lt;bce|sse&gt;.&lt;column&gt;</c> (per-image summed BCE and squared error), the columns each
/// model kind has (<see cref="IModelKind.ReconstructionColumns"/>).
/// </summary>
internal sealed class ReconstructionMeasure : IMeasure
{
    public string Name => "reconstruction";

    public string? Problem(ExperimentDesign design) =>
        design.Pair is null || design.Models.Count == 0 ? "'reconstruction' measures the listed 'models' on one 'pair'; declare both" : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        from model in design.Models
        from measure in new[] { "bce", "sse" }
        from column in ModelKinds.Get(model).ReconstructionColumns
        select $"{model}.{measure}.{column}";

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) => design.Models.Select(model => design.Model(model, seed));

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var model in design.Models)
        {
            var node = artifacts.Node(design.Model(model, seed));
            foreach (var (name, value) in ReconstructionErrors.Measure(artifacts.TestSets(node.Spec), artifacts.Columns(node)))
            {
                metrics[$"{model}.{name}"] = value;
            }
        }

        return metrics;
    }
}
