using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Models;
using LaVae.Reports.Images;
using LaVae.Torch;

namespace LaVae.Figures;

/// <summary>
/// Fig. 14: the straight line between the latents z0 = μ(x0) of two test digits (the first test digit
/// and the first after it of another class), each step decoded as it is and under L1, L2 and L1·L2,
/// for each pair's LAVAE latent space.
/// </summary>
internal sealed class InterpolationFigure : IFigureKind
{
    public const int Steps = 10;

    public string Name => "latent_interpolation";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 ? "'latent_interpolation' decodes the LAVAE latent space of each declared pair; declare 'pair' or 'pairs'" : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var written = new List<string>();
        foreach (var (pair, node, model) in PairLatentSpaces.Of(context.Design, context.Seed, context.Artifacts))
        {
            var test = context.Artifacts.TestSets(node.Spec);
            var labels = context.Artifacts.TestLabels(node.Spec);
            var other = Enumerable.Range(1, labels.Length - 1).FirstOrDefault(i => labels[i] != labels[0]);
            if (other == 0)
            {
                throw new InvalidOperationException("every test digit has the same class; an interpolation needs two classes");
            }

            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var ends = model.Encode(test.Batch(AugClass.Orig, tensor(new long[] { 0, other }, device: test.Orig.device))).Mu;
            var t = (arange(0, Steps, dtype: ScalarType.Float32, device: model.Device) / (Steps - 1)).unsqueeze(1);
            var z = ((1.0 - t) * ends.narrow(0, 0, 1)) + (t * ends.narrow(0, 1, 1));

            var title = $"LAVAE on {TransferGrid.Name(pair)}: from test digit 1 (a {labels[0]}) to test digit {other + 1} (a {labels[other]}) in latent space";
            var columns = Enumerable.Range(0, Steps).Select(i => $"t={i / (double)(Steps - 1):0.00}").ToList();
            var image = LabelledGrid.Render(title, AugmentedDecodings.RowLabels(pair), columns, AugmentedDecodings.Rows(model, z), 28, 28);
            var relative = FigureContext.PathOf($"interpolation-{TransferGrid.Name(pair)}.png");
            PngWriter.Write(context.FileOf(relative), image);
            written.Add(relative);
        }

        return written;
    }
}
