using System.Runtime.CompilerServices;
using LaVae.Artifacts;
using LaVae.Augmentations;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// Paper section 5 / Fig. 5, recursion, for each map L_k of each listed pair's LAVAE, as
/// <c>recursion.&lt;pair&gt;.lavae.&lt;A_k&gt;.…</c> (<see cref="RecursionRun"/>; errors are per-image summed squared error
/// against A_kⁿ(x0)):
/// <list type="bullet">
/// <item><c>image_loop.step&lt;n&gt;.&lt;q1|median|q3&gt;</c>: x⁽ⁿ⁾ = decode(μ(x⁽ⁿ⁻¹⁾)·L_k), n = 1..8, over the test set;</item>
/// <item><c>latent_power.step&lt;n&gt;.&lt;q1|median|q3&gt;</c>: decode(z0·L_kⁿ), the latent-only power;</item>
/// <item><c>stable_bound</c>: 2 × the median step-1 error; <c>image_loop.stable_share</c> and
/// <c>latent_power.stable_share</c>: the share of digits whose step-8 error is within it;</item>
/// </list>
/// and <c>recursion.&lt;pair&gt;.other_digit.median</c>: the median error between a test digit and the next one, the
/// scale of "turned into another digit".
/// </summary>
internal sealed class RecursionMeasure : IMeasure
{
    public static readonly string[] Paths = ["image_loop", "latent_power"];

    private static readonly (string Name, double Q)[] Quantiles = [("q1", 0.25), ("median", 0.5), ("q3", 0.75)];

    // Runs per trained model, so the figure reuses the measure's (see Run).
    private static readonly ConditionalWeakTable<Lavae, Dictionary<(int K, string Augmentation, int Seed, long Digits), RecursionRun>> Runs = new();

    public string Name => "recursion";

    public static string Metric(IReadOnlyList<string> pair, string augmentation, string rest) =>
        $"recursion.{TransferGrid.Name(pair)}.lavae.{augmentation}.{rest}";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 || !design.Models.Contains(ComposabilityMeasure.Lavae)
            ? "'recursion' iterates LAVAE's maps on the listed 'pairs'; declare 'pairs' (or 'pair') and 'models' with lavae"
            : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design)
    {
        foreach (var pair in design.Pairs)
        {
            yield return $"recursion.{TransferGrid.Name(pair)}.other_digit.median";
            foreach (var augmentation in pair)
            {
                yield return Metric(pair, augmentation, "stable_bound");
                foreach (var path in Paths)
                {
                    yield return Metric(pair, augmentation, $"{path}.stable_share");
                    for (var step = 1; step <= RecursionRun.Steps; step++)
                    {
                        foreach (var (name, _) in Quantiles)
                        {
                            yield return Metric(pair, augmentation, $"{path}.step{step}.{name}");
                        }
                    }
                }
            }
        }
    }

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) => design.Pairs.Select(pair => design.LatentSpace(pair, seed));

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (pair, node, model) in PairLatentSpaces.Of(design, seed, artifacts))
        {
            var digits = artifacts.TestSets(node.Spec).Orig;
            metrics[$"recursion.{TransferGrid.Name(pair)}.other_digit.median"] = OtherDigitMedian(digits);
            for (var k = 0; k < pair.Count; k++)
            {
                var run = Run(model, k, design.Definition(pair[k]), digits, seed);
                var bound = run.StableBound;
                metrics[Metric(pair, pair[k], "stable_bound")] = bound;
                foreach (var (path, errors) in new[] { (Paths[0], run.ImageLoop), (Paths[1], run.LatentPower) })
                {
                    metrics[Metric(pair, pair[k], $"{path}.stable_share")] = StepStatistics.ShareAtMost(errors[^1], bound);
                    for (var step = 1; step <= RecursionRun.Steps; step++)
                    {
                        foreach (var (name, q) in Quantiles)
                        {
                            metrics[Metric(pair, pair[k], $"{path}.step{step}.{name}")] = StepStatistics.Quantile(errors[step - 1], q);
                        }
                    }
                }
            }
        }

        return metrics;
    }

    /// <summary>The recursion of map <paramref name="k"/> of <paramref name="model"/> over <paramref name="digits"/>; random augmentations draw from a generator seeded by the experiment's seed.</summary>
    /// <remarks>
    /// The run is kept per trained model (an <see cref="ArtifactProvider"/> hands out each trained part once
    /// per process, and trained parts do not change), so the Fig. 5 figure reuses the measure's run instead
    /// of repeating the loop over the test set: that halves the experiment's CI time.
    /// </remarks>
    public static RecursionRun Run(Lavae model, int k, string augmentation, Tensor digits, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(digits);
        var runs = Runs.GetOrCreateValue(model);
        var key = (k, augmentation, seed, digits.size(0));
        lock (runs)
        {
            if (!runs.TryGetValue(key, out var run))
            {
                var augment = AugmentationRegistry.Get(augmentation);
                using var generator = new Generator(Training.Seeds.Derive((ulong)seed, $"recursion/{augmentation}"), digits.device);
                run = RecursionRun.Measure(digits, x => model.Encode(x).Mu, z => model.Decode(z), z => model.Augment(z, k), x => augment.Apply(x, generator));
                runs[key] = run;
            }

            return run;
        }
    }

    // Digit i against digit i + 1 (the last against the first): the SSE between two different test digits.
    private static double OtherDigitMedian(Tensor digits)
    {
        using var scope = NewDisposeScope();
        var x = Data.AlignedSets.ToModelInput(digits);
        var next = cat([x.narrow(0, 1, x.size(0) - 1), x.narrow(0, 0, 1)]);
        var errors = (x - next).square().flatten(1).sum(1).to(ScalarType.Float64).contiguous().ToArray<double>();
        return StepStatistics.Median(errors);
    }
}
