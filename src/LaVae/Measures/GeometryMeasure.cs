using LaVae.Artifacts;
using LaVae.Evaluation;
using LaVae.Geometry;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// Section 5's geometry as numbers, per pair P of the design (its LAVAE latent space), on the test
/// digits of class 2 as four clouds (orig, A1, A2, compose; <see cref="AugmentationClouds"/>):
/// <list type="bullet">
/// <item><c>geometry.P.latent.silhouette</c>, <c>geometry.P.image.silhouette</c>: how separable the four
/// clouds are (mean silhouette, scikit-learn's definition; 1 = apart, 0 = overlapping), among the
/// latents z0·L_k and, for comparison, among the images A_k(x0).</item>
/// <item><c>geometry.P.latent.probe_accuracy</c>: how well a linear probe (<see cref="LinearProbe"/>) tells the
/// four latent clouds apart, trained on the even-numbered digits' latents and scored on the odd ones'
/// (a digit's four versions stay on one side; 0.25 is chance).</item>
/// <item><c>geometry.P.latent.log_det_ratio.&lt;aug1|aug2|compose&gt;</c>: the cloud's spread relative to
/// orig's, log det Σ_k − log det Σ_orig of the latent covariances: twice the log of the ratio of their
/// covariance ellipsoids' volumes (0: the same spread; negative: the augmented cloud is tighter).</item>
/// </list>
/// </summary>
internal sealed class GeometryMeasure : IMeasure
{
    public static readonly string[] SpreadColumns = ["aug1", "aug2", "compose"];

    public string Name => "geometry";

    public static string Metric(IReadOnlyList<string> pair, string what) => $"geometry.{TransferGrid.Name(pair)}.{what}";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 ? "'geometry' measures the LAVAE latent space of each declared pair; declare 'pair' or 'pairs'" : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        design.Pairs.SelectMany(pair => (IEnumerable<string>)
        [
            Metric(pair, "latent.silhouette"),
            Metric(pair, "image.silhouette"),
            Metric(pair, "latent.probe_accuracy"),
            .. SpreadColumns.Select(column => Metric(pair, $"latent.log_det_ratio.{column}")),
        ]);

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) => design.Pairs.Select(pair => design.LatentSpace(pair, seed));

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (pair, node, model) in PairLatentSpaces.Of(design, seed, artifacts))
        {
            using var clouds = AugmentationClouds.Of(model, artifacts.TestSets(node.Spec), artifacts.TestLabels(node.Spec));
            metrics[Metric(pair, "latent.silhouette")] = Silhouette.Score(clouds.Latents, clouds.CloudIndex);
            metrics[Metric(pair, "image.silhouette")] = Silhouette.Score(clouds.Images, clouds.CloudIndex);
            metrics[Metric(pair, "latent.probe_accuracy")] = ProbeAccuracy(clouds);
            var orig = CloudSpread.LogDeterminant(clouds.Cloud(clouds.Latents, 0));
            for (var k = 0; k < SpreadColumns.Length; k++)
            {
                metrics[Metric(pair, $"latent.log_det_ratio.{SpreadColumns[k]}")] = CloudSpread.LogDeterminant(clouds.Cloud(clouds.Latents, k + 1)) - orig;
            }
        }

        return metrics;
    }

    /// <summary>The probe trained on the rows of even-numbered digits, scored on the odd ones.</summary>
    private static double ProbeAccuracy(AugmentationClouds clouds)
    {
        using var scope = NewDisposeScope();
        var device = clouds.Latents.device;
        Tensor Rows(int parity)
        {
            var rows = Enumerable.Range(0, AugmentationClouds.Classes.Count * clouds.PerCloud)
                .Where(r => r % clouds.PerCloud % 2 == parity).Select(r => (long)r).ToArray();
            return tensor(rows, device: device);
        }

        var train = Rows(0);
        var test = Rows(1);
        return LinearProbe.Accuracy(
            clouds.Latents.index_select(0, train), clouds.CloudIndex.index_select(0, train), clouds.Latents.index_select(0, test), clouds.CloudIndex.index_select(0, test));
    }
}
