using LaVae.Data;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// Per-image reconstruction errors averaged over a test set, in the paper's two candidate metrics:
/// summed binary cross-entropy ("bce", the scale of the paper's Table I) and summed squared error
/// ("sse", what the paper's word "MSE" would mean). Keys are "bce.&lt;column&gt;" and "sse.&lt;column&gt;";
/// "total" sums orig, aug1, aug2 and compose when all four are present.
/// </summary>
public static class ReconstructionErrors
{
    public static readonly string[] TotalColumns = ["orig", "aug1", "aug2", "compose"];

    public static IReadOnlyDictionary<string, double> Measure(AlignedSets test, IReadOnlyList<ErrorColumn> columns, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(columns);
        var bce = new double[columns.Count];
        var sse = new double[columns.Count];
        using var noGrad = no_grad();
        for (long start = 0; start < test.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var indices = arange(start, Math.Min(start + batchSize, test.Count), device: test.Orig.device);
            var batch = new EvaluationBatch(test, indices);
            for (var c = 0; c < columns.Count; c++)
            {
                var prediction = columns[c].Compute(batch);
                var target = batch.Input(columns[c].Target);
                bce[c] += nn.functional.binary_cross_entropy(prediction, target, reduction: nn.Reduction.Sum).ToDouble();
                sse[c] += (prediction - target).square().sum().ToDouble();
            }
        }

        var metrics = new Dictionary<string, double>();
        for (var c = 0; c < columns.Count; c++)
        {
            metrics[$"bce.{columns[c].Name}"] = bce[c] / test.Count;
            metrics[$"sse.{columns[c].Name}"] = sse[c] / test.Count;
        }

        if (TotalColumns.All(name => metrics.ContainsKey($"bce.{name}")))
        {
            foreach (var metric in new[] { "bce", "sse" })
            {
                metrics[$"{metric}.total"] = TotalColumns.Sum(name => metrics[$"{metric}.{name}"]);
            }
        }

        return metrics;
    }
}
