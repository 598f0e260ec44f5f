using LaVae.Artifacts;
using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// Does the learned algebra follow the augmentations' own, for a pair (A1, A2) with A2 = A1∘A1 (a
/// rotation by 45° and one by 90°)? For each listed pair, as <c>squared_map.&lt;pair&gt;.…</c>:
/// <list type="bullet">
/// <item><c>lavae.map_distance</c>: ‖L1·L1 − L2‖_F / ‖L2‖_F, how far the square of the first map is from the second;</item>
/// <item><c>lavae.&lt;bce|sse&gt;.l1_twice</c>: decode(z0·L1·L1) against A2(x0), the second augmentation reached through the first twice;</item>
/// <item><c>lavae.&lt;bce|sse&gt;.l2</c>: decode(z0·L2) against A2(x0), the map trained for it (Table I's aug2);</item>
/// <item><c>lavae.&lt;bce|sse&gt;.no_map</c>: decode(z0) against A2(x0), what a map that does nothing scores;</item>
/// <item><c>image_gap</c>: mean ‖A1(A1(x0)) − A2(x0)‖ / mean ‖A2(x0)‖, how exactly the relation holds in image
/// space (two bilinear 45° turns blur what one 90° turn does not).</item>
/// </list>
/// </summary>
internal sealed class SquaredMapMeasure : IMeasure
{
    private const string Lavae = "lavae";

    private static readonly string[] Columns = ["l1_twice", "l2", "no_map"];

    public string Name => "squared_map";

    public static string Metric(IReadOnlyList<string> pair, string rest) => $"squared_map.{TransferGrid.Name(pair)}.{rest}";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 ? "'squared_map' compares LAVAE's maps on the listed 'pairs' (A1, A2 = A1 twice); declare 'pairs' (or 'pair')" : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        from pair in design.Pairs
        from name in new[] { $"{Lavae}.map_distance", "image_gap" }
            .Concat(Columns.SelectMany(column => new[] { $"{Lavae}.bce.{column}", $"{Lavae}.sse.{column}" }))
        select Metric(pair, name);

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) => design.Pairs.Select(pair => design.LatentSpace(pair, seed));

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (pair, node, model) in PairLatentSpaces.Of(design, seed, artifacts))
        {
            var test = artifacts.TestSets(node.Spec);
            foreach (var (name, value) in ReconstructionErrors.Measure(test, ColumnsOf(model)))
            {
                metrics[Metric(pair, $"{Lavae}.{name}")] = value;
            }

            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var (l1, l2) = (((LatentMap)model.Maps[0]).L, ((LatentMap)model.Maps[1]).L);
            metrics[Metric(pair, $"{Lavae}.map_distance")] = ((l1.matmul(l1) - l2).norm() / l2.norm()).ToDouble();
            var first = AugmentationRegistry.Get(design.Definition(pair[0]));
            using var generator = new Generator(Training.Seeds.Derive((ulong)seed, $"squared_map/{design.Definition(pair[0])}"), test.Orig.device);
            var twice = first.Apply(first.Apply(test.Orig, generator), generator);
            metrics[Metric(pair, "image_gap")] = RelativeDifference.Of(twice.to(ScalarType.Float32), test[AugClass.Aug2].to(ScalarType.Float32)).ToDouble();
        }

        return metrics;
    }

    /// <summary>decode(z0·L1·L1), decode(z0·L2) and decode(z0), each scored against A2(x0).</summary>
    public static IReadOnlyList<ErrorColumn> ColumnsOf(Lavae model)
    {
        Tensor Z0(EvaluationBatch b) => b.Memo("z0", () => model.Encode(b.Input(AugClass.Orig)).Mu);
        return
        [
            new("l1_twice", AugClass.Aug2, b => model.Decode(model.Augment(model.Augment(Z0(b), 0), 0))),
            new("l2", AugClass.Aug2, b => model.Decode(model.Augment(Z0(b), 1))),
            new("no_map", AugClass.Aug2, b => model.Decode(Z0(b))),
        ];
    }
}
