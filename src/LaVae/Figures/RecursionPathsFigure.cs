using System.Globalization;
using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Geometry;
using LaVae.Measures;
using LaVae.Models;
using LaVae.Reports.Images;
using LaVae.Torch;

namespace LaVae.Figures;

/// <summary>
/// Fig. 5: for each map L_k of each listed pair, a stable and a drifting test digit under the image-space
/// recursion x⁽ⁿ⁾ = decode(μ(x⁽ⁿ⁻¹⁾)·L_k). Two files per map: the decoded steps beside A_kⁿ(x0) and the
/// latent power (a labelled grid), and the two latent paths in a 2-D projection fitted on every test
/// digit's path. The examples are the median digit (by step-8 error) of the stable group and of the
/// drifting group, split at the measure's bound.
/// </summary>
internal sealed class RecursionPathsFigure : IFigureKind
{
    /// <summary>The 2-D projection of the latent paths: FastICA, as the paper's Fig. 5.</summary>
    private static readonly PlaneProjection Projection = IcaPlane.Projection;

    private static readonly RgbColour StableColour = new(31, 119, 180);
    private static readonly RgbColour DriftingColour = new(214, 39, 40);

    public string Name => "recursion_paths";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 || !design.Models.Contains(ComposabilityMeasure.Lavae)
            ? "'recursion_paths' draws LAVAE's maps on the listed 'pairs'; declare 'pairs' (or 'pair') and 'models' with lavae"
            : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var written = new List<string>();
        foreach (var (pair, node, model) in PairLatentSpaces.Of(context.Design, context.Seed, context.Artifacts))
        {
            var digits = context.Artifacts.TestSets(node.Spec).Orig;
            for (var k = 0; k < pair.Count; k++)
            {
                var run = RecursionMeasure.Run(model, k, context.Design.Definition(pair[k]), digits, context.Seed);
                var examples = Examples(run);
                if (examples.Count == 0)
                {
                    continue;
                }

                var stem = $"recursion-{TransferGrid.Name(pair)}-{pair[k]}";
                var steps = FigureContext.PathOf($"{stem}-steps.png");
                var path = FigureContext.PathOf($"{stem}-path.png");
                PngWriter.Write(context.FileOf(steps), StepsGrid(model, k, pair, context.Design.Definition(pair[k]), digits, examples, context.Seed));
                FigureFile.WritePng(context.FileOf(path), PathPlot(run, pair, k, examples));
                written.Add(steps);
                written.Add(path);
            }
        }

        return written;
    }

    /// <summary>The median digit by step-8 image-loop error of the stable group, then of the drifting group (each if it has any).</summary>
    public static List<(string Kind, int Digit)> Examples(RecursionRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var final = run.ImageLoop[^1];
        var bound = run.StableBound;
        var examples = new List<(string, int)>();
        foreach (var (kind, stable) in new[] { ("stable", true), ("drifting", false) })
        {
            var group = Enumerable.Range(0, final.Length).Where(i => final[i] <= bound == stable).OrderBy(i => final[i]).ToList();
            if (group.Count > 0)
            {
                examples.Add((kind, group[group.Count / 2]));
            }
        }

        return examples;
    }

    private static RasterImage StepsGrid(Lavae model, int k, IReadOnlyList<string> pair, string definition, Tensor digits, List<(string Kind, int Digit)> examples, int seed)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var augment = AugmentationRegistry.Get(definition);
        using var generator = new Generator(Training.Seeds.Derive((ulong)seed, $"recursion-figure/{definition}"), digits.device);
        var indices = tensor(examples.Select(e => (long)e.Digit).ToArray(), device: digits.device);
        var originals = digits.index_select(0, indices);
        var x0 = AlignedSets.ToModelInput(originals);
        var targets = Recursion.Targets(originals, x => augment.Apply(x, generator), RecursionRun.Steps);
        var (loop, latents) = Recursion.ThroughImages(x0, x => model.Encode(x).Mu, z => model.Decode(z), z => model.Augment(z, k), RecursionRun.Steps);
        var power = Recursion.LatentPower(latents.select(0, 0), z => model.Decode(z), z => model.Augment(z, k), RecursionRun.Steps);
        var reconstruction = model.Decode(latents.select(0, 0)).unsqueeze(0);
        var labels = new List<string>();
        var rows = new List<IReadOnlyList<byte[]>>();
        for (var e = 0; e < examples.Count; e++)
        {
            var name = $"{examples[e].Kind} (test {examples[e].Digit + 1})";
            labels.AddRange([$"{name}: A^n(x0)", $"{name}: loop x(n)", $"{name}: decode(z0·L^n)"]);
            rows.Add(Row(cat([x0.unsqueeze(0), targets]), e));
            rows.Add(Row(cat([reconstruction, loop]), e));
            rows.Add(Row(cat([reconstruction, power]), e));
        }

        var columns = Enumerable.Range(0, RecursionRun.Steps + 1).Select(n => $"n = {n}").ToList();
        var title = $"Recursion of L{k + 1} ({pair[k]}) on the {TransferGrid.Name(pair)} latent space; n = 0: x0 and decode(z0)";
        return LabelledGrid.Render(title, labels, columns, rows, 28, 28);
    }

    // Step images (steps + 1, B, 1, 28, 28) of one digit as the tiles of a row.
    private static IReadOnlyList<byte[]> Row(Tensor steps, int digit) => ReconstructionGrid.Tiles(ReconstructionGrid.ToPixels(steps.select(1, digit)));

    private static PathFigure PathPlot(RecursionRun run, IReadOnlyList<string> pair, int k, List<(string Kind, int Digit)> examples)
    {
        using var scope = NewDisposeScope();
        var all = tensor(run.LatentValues, new long[] { (RecursionRun.Steps + 1) * run.Digits, run.LatentSize });
        var chosen = examples.Select(e => run.PathOf(e.Digit)).SelectMany(path => path).SelectMany(point => point).ToArray();
        var projected = Projection(all, tensor(chosen, new long[] { examples.Count * (RecursionRun.Steps + 1), run.LatentSize })).contiguous().ToArray<float>();
        var background = Projection(all, all.narrow(0, 0, run.Digits)).contiguous().ToArray<float>();

        var bound = run.StableBound.ToString("0.0", CultureInfo.InvariantCulture);
        var paths = examples.Select((example, e) => new PlanePath(
            $"{example.Kind}: test {example.Digit + 1}, step-8 SSE {run.ImageLoop[^1][example.Digit].ToString("0.0", CultureInfo.InvariantCulture)} (bound {bound})",
            example.Kind == "stable" ? StableColour : DriftingColour,
            [.. Enumerable.Range(0, RecursionRun.Steps + 1).Select(n => (
                (double)projected[2 * ((e * (RecursionRun.Steps + 1)) + n)],
                (double)projected[(2 * ((e * (RecursionRun.Steps + 1)) + n)) + 1]))])).ToList();
        return new PathFigure(
            $"Latent paths under the recursion of L{k + 1} ({pair[k]}), {TransferGrid.Name(pair)}: FastICA plane of every test digit's path",
            "IC 1",
            "IC 2",
            "every test digit's z0",
            [.. Enumerable.Range(0, run.Digits).Select(i => ((double)background[2 * i], (double)background[(2 * i) + 1]))],
            paths);
    }
}
