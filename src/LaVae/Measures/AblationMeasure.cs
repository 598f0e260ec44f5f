using LaVae.Artifacts;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// The properties the paper's ablations (Section IV-B) trade away, for every listed model with latent
/// maps (lavae and its ablations), on the test digits of the pair (<see cref="LatentMapProperties"/>):
/// <c>ablation.&lt;model&gt;.commutator</c>, mean ‖z0·L1·L2 − z0·L2·L1‖ / mean ‖z0·L1·L2‖ with z0 = μ(x0);
/// <c>ablation.&lt;model&gt;.involution_aug&lt;k&gt;</c>, mean ‖f_k(f_k(z0)) − z0‖ / mean ‖z0‖ (flips undo themselves);
/// <c>ablation.&lt;model&gt;.jacobian_rank_aug&lt;k&gt;</c>, the mean numerical rank of ∂f_k/∂z at z0 (16 for an
/// invertible map); <c>ablation.&lt;model&gt;.inversion_aug&lt;k&gt;</c>, the best residual found for f_k(z') = μ(A_k(x0)),
/// relative to ‖μ(A_k(x0))‖ (about 0 where an inverse exists).
/// </summary>
internal sealed class AblationMeasure : IMeasure
{
    /// <summary>The model kinds whose trained model is a <see cref="Lavae"/>, with maps to measure.</summary>
    public static readonly string[] KindsWithMaps = ["lavae", "lavae_mlp", "lavae_merged"];

    private static readonly string[] PerMap = ["involution", "jacobian_rank", "inversion"];

    public string Name => "ablation";

    public static string Metric(string model, string metric) => $"ablation.{model}.{metric}";

    public string? Problem(ExperimentDesign design) => design.Pair is null || !Measured(design).Any()
        ? $"'ablation' measures the latent maps of the listed models ({string.Join(", ", KindsWithMaps)}) on one 'pair'; declare both"
        : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        from model in Measured(design)
        from metric in new[] { "commutator" }.Concat(from property in PerMap from k in new[] { 1, 2 } select $"{property}_aug{k}")
        select Metric(model, metric);

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) => Measured(design).Select(model => design.Model(model, seed));

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var model in Measured(design))
        {
            var node = artifacts.Node(design.Model(model, seed));
            var lavae = (Lavae)artifacts.Get(node);
            var test = artifacts.TestSets(node.Spec);
            using var z0 = Means(lavae, test, AugClass.Orig);
            metrics[Metric(model, "commutator")] = LatentMapProperties.Commutator(lavae, z0);
            foreach (var (augClass, k) in new[] { (AugClass.Aug1, 0), (AugClass.Aug2, 1) })
            {
                var map = lavae.Maps[k];
                using var zk = Means(lavae, test, augClass);
                metrics[Metric(model, $"involution_aug{k + 1}")] = LatentMapProperties.InvolutionResidual(map, z0);
                metrics[Metric(model, $"jacobian_rank_aug{k + 1}")] = LatentMapProperties.JacobianRank(map, z0);
                metrics[Metric(model, $"inversion_aug{k + 1}")] = LatentMapProperties.InversionResidual(map, zk);
            }
        }

        return metrics;
    }

    private static IEnumerable<string> Measured(ExperimentDesign design) => design.Models.Where(model => KindsWithMaps.Contains(model));

    /// <summary>μ of every test image of one set, (N, latent).</summary>
    private static Tensor Means(Lavae model, AlignedSets test, AugClass augClass, int batchSize = 500)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var means = new List<Tensor>();
        for (long start = 0; start < test.Count; start += batchSize)
        {
            var indices = arange(start, Math.Min(start + batchSize, test.Count), device: model.Device);
            means.Add(model.Encode(test.Batch(augClass, indices)).Mu);
        }

        return cat(means).DetachFromDisposeScope();
    }
}
