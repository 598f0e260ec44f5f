using System.Globalization;
using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Reports.Images;
using LaVae.Torch;

namespace LaVae.Figures;

/// <summary>
/// The swapped reconstructions (issue 12, part 2), one grid per encoder dataset A: the first test
/// images of A, their reconstruction by A's own decoder, then through the other dataset B's decoder
/// as trained and fine-tuned on 100 and 1,000 of B's images; below, the first test images of B through
/// the same swapped decoders (what fine-tuning trains them for). One column per test image.
/// </summary>
internal sealed class SwapGridsFigure : IFigureKind
{
    private const int Images = 8;

    public string Name => "swap_grids";

    public string? Problem(ExperimentDesign design) => null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (settings, seed, artifacts) = (context.Design.Settings, context.Seed, context.Artifacts);
        var written = new List<string>();
        foreach (var a in DatasetSwaps.Datasets)
        {
            var labels = new List<string>();
            var rows = new List<IReadOnlyList<byte[]>>();
            foreach (var inputs in DatasetSwaps.Datasets.OrderBy(d => d.Dataset == a.Dataset ? 0 : 1))
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                var images = artifacts.TestDigits(DatasetSwaps.Vae(inputs.Dataset, settings, seed)).Images.narrow(0, 0, Images);
                labels.Add($"{inputs.Dataset} test images");
                rows.Add(ReconstructionGrid.Tiles(images));
                foreach (var combination in DatasetSwaps.Combinations().Where(c => c.EncoderDataset == a.Dataset))
                {
                    if (combination.DecoderDataset == a.Dataset && inputs.Dataset != a.Dataset)
                    {
                        continue; // A's own decoder on B's images says nothing about the swap
                    }

                    var (encoder, decoder) = DatasetSwaps.Modules(combination, settings, seed, artifacts);
                    labels.Add(RowLabel(combination));
                    rows.Add(ReconstructionGrid.Tiles(ReconstructionGrid.ToPixels(SwappedReconstruction.Decode(encoder, decoder, images))));
                }
            }

            var relative = FigureContext.PathOf($"swaps-{a.Short}-encoder.png");
            var title = $"Encoder of the {a.Dataset} VAE with each decoder (seed {seed})";
            var columns = Enumerable.Range(1, Images).Select(i => $"test {i}").ToList();
            PngWriter.Write(context.FileOf(relative), LabelledGrid.Render(title, labels, columns, rows, 28, 28, scale: 2));
            written.Add(relative);
        }

        return written;
    }

    private static string RowLabel(DatasetSwaps.Combination combination) => combination.FinetuneImages is { } n
        ? $"{combination.DecoderDataset} decoder fine-tuned on {n.ToString("N0", CultureInfo.InvariantCulture)}"
        : $"{combination.DecoderDataset} decoder";
}
