using LaVae.Artifacts;
using LaVae.Augmentations;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// Paper section 5, composability, for each listed pair (A1, A2), as <c>composability.&lt;pair&gt;.…</c>:
/// <list type="bullet">
/// <item><c>lavae.latent_commutator</c>: mean ‖z0·L1·L2 − z0·L2·L1‖ / mean ‖z0·L1·L2‖ over the test set (z0 = μ(x0));</item>
/// <item><c>lavae.decoded_commutator</c>: the same in image space, mean ‖decode(z0·L2·L1) − decode(z0·L1·L2)‖ / mean ‖decode(z0·L1·L2)‖,
/// comparable with the image commutator and blind to latent dimensions the decoder ignores;</item>
/// <item><c>image_commutator</c>: mean ‖A1(A2(x0)) − A2(A1(x0))‖ / mean ‖A2(A1(x0))‖, each augmentation with the same draw in both orders;</item>
/// <item><c>image_redraw_difference</c>: how much A2(A1(x0)) moves with another draw alone (zero for deterministic pairs);</item>
/// <item><c>lavae.&lt;bce|sse&gt;.&lt;compose|reverse_compose&gt;</c>: decode(z0·L1·L2) and decode(z0·L2·L1) against A2(A1(x0));</item>
/// <item><c>&lt;model&gt;.&lt;bce|sse&gt;.compose</c> for every other listed model (the CVAEs decode x0's latent with class "compose").</item>
/// </list>
/// </summary>
internal sealed class ComposabilityMeasure : IMeasure
{
    public const string Lavae = "lavae";

    private static readonly string[] LavaeColumns = ["compose", "reverse_compose"];

    public string Name => "composability";

    public static string Metric(IReadOnlyList<string> pair, string rest) => $"composability.{TransferGrid.Name(pair)}.{rest}";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 || !design.Models.Contains(Lavae)
            ? "'composability' compares LAVAE's maps on the listed 'pairs'; declare 'pairs' (or 'pair') and 'models' with lavae"
            : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design)
    {
        foreach (var pair in design.Pairs)
        {
            yield return Metric(pair, "image_commutator");
            yield return Metric(pair, "image_redraw_difference");
            yield return Metric(pair, $"{Lavae}.latent_commutator");
            yield return Metric(pair, $"{Lavae}.decoded_commutator");
            foreach (var model in design.Models)
            {
                foreach (var measure in new[] { "bce", "sse" })
                {
                    foreach (var column in ColumnsOf(model))
                    {
                        yield return Metric(pair, $"{model}.{measure}.{column}");
                    }
                }
            }
        }
    }

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) =>
        from pair in design.Pairs
        from model in design.Models
        select design.Model(model, pair, seed);

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (pair, space, model) in PairLatentSpaces.Of(design, seed, artifacts))
        {
            var test = artifacts.TestSets(space.Spec);
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                var z0 = LatentCodes.Means(x => model.Encode(x).Mu, test.Orig);
                var (first, second) = (AugmentationRegistry.Get(design.Definition(pair[0])), AugmentationRegistry.Get(design.Definition(pair[1])));
                // One host read per number, after the tensor work.
                metrics[Metric(pair, $"{Lavae}.latent_commutator")] = Commutator.Of(z0, z => model.Augment(z, 0), z => model.Augment(z, 1)).ToDouble();
                var composed = model.Compose(z0);
                metrics[Metric(pair, $"{Lavae}.decoded_commutator")] = RelativeDifference.Of(
                    LatentCodes.Decode(z => model.Decode(z), model.ReverseCompose(z0)), LatentCodes.Decode(z => model.Decode(z), composed)).ToDouble();
                metrics[Metric(pair, "image_commutator")] = Commutator.OfImages(test.Orig, first, second, (ulong)seed).ToDouble();
                metrics[Metric(pair, "image_redraw_difference")] = Commutator.RedrawDifference(test.Orig, first, second, (ulong)seed).ToDouble();
            }

            foreach (var kind in design.Models)
            {
                var node = artifacts.Node(design.Model(kind, pair, seed));
                var columns = artifacts.Columns(node).Where(column => ColumnsOf(kind).Contains(column.Name)).ToList();
                foreach (var (name, value) in ReconstructionErrors.Measure(test, columns))
                {
                    metrics[Metric(pair, $"{kind}.{name}")] = value;
                }
            }
        }

        return metrics;
    }

    // LAVAE composes in both orders; a CVAE has one "compose" class and no order to reverse.
    private static string[] ColumnsOf(string model) => model == Lavae ? LavaeColumns : ["compose"];
}
