using LaVae.Artifacts;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// CVAE entanglement without labels (Fig. 8, 9): for every test digit and column (orig, aug1, aug2,
/// compose) of every listed model, is the decoded image nearer the digit's own target (x0, A1(x0),
/// A2(x0), A2(A1(x0))) than the same target of each of 99 other test digits? Reported as
/// <c>&lt;model&gt;.identity.&lt;column&gt;</c>, the fraction of test digits retrieved top-1 (chance: 0.01).
/// The distance and the seeded choice of the other digits are <see cref="IdentityRetrieval"/>'s.
/// </summary>
internal sealed class IdentityMeasure : IMeasure
{
    public static readonly string[] Columns = ["orig", "aug1", "aug2", "compose"];

    /// <summary>Test digits decoded and compared at once: the candidates' pixels of a batch are 100 x 100 x 784 floats.</summary>
    private const int BatchSize = 100;

    public string Name => "identity";

    public string? Problem(ExperimentDesign design) =>
        design.Pair is null || design.Models.Count == 0 ? "'identity' measures the listed 'models' on one 'pair'; declare both" : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        from model in design.Models
        from column in Columns
        select $"{model}.identity.{column}";

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) => design.Models.Select(model => design.Model(model, seed));

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var model in design.Models)
        {
            var node = artifacts.Node(design.Model(model, seed));
            var test = artifacts.TestSets(node.Spec);
            var columns = artifacts.Columns(node).Where(column => Columns.Contains(column.Name)).ToList();
            foreach (var (column, hits) in columns.Zip(Accuracy(test, columns, seed)))
            {
                metrics[$"{model}.identity.{column.Name}"] = hits;
            }
        }

        return metrics;
    }

    /// <summary>Each column's fraction of test digits whose decoded image is nearest its own target.</summary>
    public static IReadOnlyList<double> Accuracy(AlignedSets test, IReadOnlyList<ErrorColumn> columns, int seed)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(columns);
        using var noGrad = Engine.NoGrad();
        using var outer = Engine.NewDisposeScope();
        var device = test.Orig.Device;
        var candidates = IdentityRetrieval.Candidates(test.Count, seed, device);
        var targets = new Dictionary<AugClass, Tensor>();
        var hits = columns.Select(_ => Tensor.Zeros([], DType.Float64, device)).ToList();
        for (long start = 0; start < test.Count; start += BatchSize)
        {
            using var scope = Engine.NewDisposeScope();
            var indices = Tensor.Arange(start, Math.Min(start + BatchSize, test.Count), device: device);
            var batch = new EvaluationBatch(test, indices);
            var rows = candidates.IndexSelect(0, indices);
            for (var c = 0; c < columns.Count; c++)
            {
                var target = columns[c].Target;
                if (!targets.TryGetValue(target, out var all))
                {
                    all = AlignedSets.ToModelInput(test[target]).MoveToOuterScope();
                    targets[target] = all;
                }

                hits[c].AddInPlace(IdentityRetrieval.Hits(columns[c].Compute(batch), all, rows).To(DType.Float64).Sum());
            }
        }

        return hits.Select(count => count.Item() / test.Count).ToList();
    }
}
