using LaVae.Evaluation;
using LaVae.Geometry;
using LaVae.Measures;
using LaVae.Models;
using LaVae.Reports.Images;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Figures;

/// <summary>
/// Section 5's geometry figures: for each pair's LAVAE latent space, 2-D PCA, FastICA and t-SNE
/// (perplexity 40, 300 iterations) of the test digits of class 2 as images, latents and
/// reconstructions (<see cref="AugmentationClouds"/>), coloured by augmentation; one SVG and one PNG
/// per pair, rows the three spaces, columns the three projections. Each projection is fitted on the
/// four clouds together, so their positions are comparable.
/// </summary>
internal sealed class LatentGeometryFigure : IFigureKind
{
    /// <summary>Orig dark gray; A1, A2 and the composition in three colours of the colour-blind-safe Tableau 10.</summary>
    public static readonly IReadOnlyList<RgbColour> CloudColours =
        [RgbColour.Gray(70), new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c)];

    private sealed record Projection(string Name, string Axis, Func<Tensor, ulong, Tensor> Embed);

    /// <summary>The figure's columns; FastICA's w_init is drawn from a generator seeded by the experiment's seed.</summary>
    private static readonly IReadOnlyList<Projection> Projections =
    [
        new("PCA", "PC", (data, _) =>
        {
            using var fit = Pca.Fit(data, 2);
            return fit.Embedding.clone();
        }),
        new("FastICA", "IC", (data, seed) =>
        {
            using var generator = new Generator(Seeds.Derive(seed, "figure/geometry/fastica"), data.device);
            using var fit = FastIca.Fit(data, 2, generator: generator);
            return fit.Sources.clone();
        }),
        new("t-SNE", "t-SNE", (data, _) =>
        {
            using var fit = Tsne.Embed(data, new TsneOptions());
            return fit.Embedding.clone();
        }),
    ];

    public string Name => "latent_geometry";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 ? "'latent_geometry' projects the LAVAE latent space of each declared pair; declare 'pair' or 'pairs'" : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var written = new List<string>();
        foreach (var (pair, node, model) in PairLatentSpaces.Of(context.Design, context.Seed, context.Artifacts))
        {
            using var clouds = AugmentationClouds.Of(model, context.Artifacts.TestSets(node.Spec), context.Artifacts.TestLabels(node.Spec));
            var names = AugmentationClouds.Names(pair);
            var panels = new List<ScatterPanel>();
            foreach (var (space, data) in new[] { ("images", clouds.Images), ("latents", clouds.Latents), ("reconstructions", clouds.Reconstructions) })
            {
                foreach (var projection in Projections)
                {
                    using var embedding = projection.Embed(data, (ulong)context.Seed);
                    panels.Add(new ScatterPanel($"{space}: {projection.Name}", $"{projection.Axis} 1", $"{projection.Axis} 2", Series(embedding, clouds.PerCloud, names)));
                }
            }

            var title = $"LAVAE on {TransferGrid.Name(pair)}: test digits of class {AugmentationClouds.PaperDigit} ({clouds.PerCloud} per cloud)";
            var stem = $"geometry-{TransferGrid.Name(pair)}";
            var png = FigureContext.PathOf($"{stem}.png");
            var svg = FigureContext.PathOf($"{stem}.svg");
            var figure = new ScatterFigure(title, panels, Projections.Count);
            FigureFile.WritePng(context.FileOf(png), figure);
            FigureFile.WriteSvg(context.FileOf(svg), figure);
            written.Add(png);
            written.Add(svg);
        }

        return written;
    }

    /// <summary>The (4n, 2) embedding as one series per cloud.</summary>
    private static List<ScatterSeries> Series(Tensor embedding, int perCloud, IReadOnlyList<string> names)
    {
        using var onHost = embedding.to(ScalarType.Float64, CPU);
        var values = onHost.contiguous().ToArray<double>();
        return Enumerable.Range(0, names.Count).Select(cloud => new ScatterSeries(
            names[cloud],
            CloudColours[cloud],
            Enumerable.Range(cloud * perCloud, perCloud).Select(i => (values[2 * i], values[(2 * i) + 1])).ToList())).ToList();
    }
}
