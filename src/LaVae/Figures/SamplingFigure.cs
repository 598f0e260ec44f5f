using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Models;
using LaVae.Reports.Images;
using LaVae.Training;

namespace LaVae.Figures;

/// <summary>
/// Fig. 13: new latents drawn per dimension from the training originals' latent statistics
/// (<see cref="LatentStatistics"/>), decoded as they are and under L1, L2 and L1·L2, for each pair's
/// LAVAE latent space. The paper calls its region a "bounding box" but describes mean/std; both
/// readings are drawn, one file each (<see cref="Modes"/>).
/// </summary>
internal sealed class SamplingFigure : IFigureKind
{
    public const int Samples = 10;

    public static readonly IReadOnlyList<LatentSampling> Modes = [LatentSampling.BoundingBox, LatentSampling.Normal];

    public string Name => "latent_sampling";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 ? "'latent_sampling' decodes the LAVAE latent space of each declared pair; declare 'pair' or 'pairs'" : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var written = new List<string>();
        foreach (var (pair, node, model) in PairLatentSpaces.Of(context.Design, context.Seed, context.Artifacts))
        {
            using var statistics = LatentStatistics.Of(model, context.Artifacts.TrainSets(node.Spec));
            foreach (var mode in Modes)
            {
                using var generator = new Generator(Seeds.Derive((ulong)context.Seed, $"figure/sampling/{mode}"), model.Device);
                using var z = statistics.Sample(mode, Samples, generator);
                var (stem, how) = mode == LatentSampling.BoundingBox
                    ? ("box", "uniform in the training latents' [min, max] per dimension")
                    : ("normal", "normal with the training latents' mean and std per dimension");
                var title = $"LAVAE on {TransferGrid.Name(pair)}: sampled latents, {how}";
                var columns = Enumerable.Range(1, Samples).Select(i => $"sample {i}").ToList();
                var image = LabelledGrid.Render(title, AugmentedDecodings.RowLabels(pair), columns, AugmentedDecodings.Rows(model, z), 28, 28);
                var relative = FigureContext.PathOf($"sampling-{stem}-{TransferGrid.Name(pair)}.png");
                PngWriter.Write(context.FileOf(relative), image);
                written.Add(relative);
            }
        }

        return written;
    }
}
