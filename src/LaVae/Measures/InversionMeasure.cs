using LaVae.Artifacts;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// Paper section 5, inversion, for LAVAE on each listed pair, as <c>inversion.&lt;pair&gt;.lavae.…</c>:
/// <list type="bullet">
/// <item><c>&lt;bce|sse&gt;.&lt;column&gt;</c>: orig (decode(z0) vs x0); inverse_aug_k, decode(μ(A_k(x0))·L_k⁻¹) vs x0;
/// inverse_compose, decode(μ(A2(A1(x0)))·L2⁻¹·L1⁻¹) vs x0; involutory_inverse_aug_k, the authors' L_k·L_k in place of
/// L_k⁻¹; uninverted_aug_k / uninverted_compose, the augmented digit decoded with no map (the reference an inverse must beat);</item>
/// <item><c>relative.&lt;column&gt;</c>: a column's BCE over the plain reconstruction's (orig), so 1 is "as good as reconstructing x0 itself";</item>
/// <item><c>involution_residual.l1|l2</c>: ‖L_k·L_k − I‖_F of the learned maps (4 for L = 0 at latent 16);</item>
/// <item><c>condition.l1|l2</c>: σ_max/σ_min of L_k, how much L_k⁻¹ can amplify an encoding error.</item>
/// </list>
/// </summary>
internal sealed class InversionMeasure : IMeasure
{
    public static readonly string[] Columns =
    [
        "orig", "inverse_aug1", "inverse_aug2", "inverse_compose", "involutory_inverse_aug1", "involutory_inverse_aug2",
        "uninverted_aug1", "uninverted_aug2", "uninverted_compose",
    ];

    private static readonly string[] Maps = ["l1", "l2"];

    public string Name => "inversion";

    public static string Metric(IReadOnlyList<string> pair, string rest) => $"inversion.{TransferGrid.Name(pair)}.lavae.{rest}";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 || !design.Models.Contains(ComposabilityMeasure.Lavae)
            ? "'inversion' measures LAVAE's maps on the listed 'pairs'; declare 'pairs' (or 'pair') and 'models' with lavae"
            : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        from pair in design.Pairs
        from name in Columns.SelectMany(column => new[] { $"bce.{column}", $"sse.{column}" })
            .Concat(Columns.Skip(1).Select(column => $"relative.{column}"))
            .Concat(Maps.SelectMany(map => new[] { $"involution_residual.{map}", $"condition.{map}" }))
        select Metric(pair, name);

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) => design.Pairs.Select(pair => design.LatentSpace(pair, seed));

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (pair, node, model) in PairLatentSpaces.Of(design, seed, artifacts))
        {
            var columns = artifacts.Columns(node).Concat(InversionColumns.Uninverted(model)).Where(column => Columns.Contains(column.Name)).ToList();
            var errors = ReconstructionErrors.Measure(artifacts.TestSets(node.Spec), columns);
            foreach (var column in Columns)
            {
                metrics[Metric(pair, $"bce.{column}")] = errors[$"bce.{column}"];
                metrics[Metric(pair, $"sse.{column}")] = errors[$"sse.{column}"];
            }

            foreach (var column in Columns.Skip(1))
            {
                metrics[Metric(pair, $"relative.{column}")] = errors[$"bce.{column}"] / errors["bce.orig"];
            }

            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            for (var k = 0; k < Maps.Length; k++)
            {
                var l = ((LatentMap)model.Maps[k]).L;
                metrics[Metric(pair, $"involution_residual.{Maps[k]}")] = InversionColumns.InvolutionResidual(l).ToDouble();
                metrics[Metric(pair, $"condition.{Maps[k]}")] = InversionColumns.Condition(l).ToDouble();
            }
        }

        return metrics;
    }
}
