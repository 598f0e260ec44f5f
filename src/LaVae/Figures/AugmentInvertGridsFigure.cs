using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Models;
using LaVae.Reports.Images;
using LaVae.Torch;

namespace LaVae.Figures;

/// <summary>
/// Fig. 3 and 4: for each listed pair, LAVAE augmenting and inverting the first test digits. Per
/// augmentation the rows are the image set, the latent augmentation decode(z0·L_k), the true inverse
/// decode(μ(A_k(x0))·L_k⁻¹) and the authors' L_k·L_k shortcut; then the composition, the reverse
/// composition and the composition's inverse. One column per digit.
/// </summary>
internal sealed class AugmentInvertGridsFigure : IFigureKind
{
    public const int Digits = 8;

    public string Name => "augment_invert_grids";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 || !design.Models.Contains(ComposabilityMeasure.Lavae)
            ? "'augment_invert_grids' draws LAVAE on the listed 'pairs'; declare 'pairs' (or 'pair') and 'models' with lavae"
            : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var written = new List<string>();
        foreach (var (pair, node, _) in PairLatentSpaces.Of(context.Design, context.Seed, context.Artifacts))
        {
            var test = context.Artifacts.TestSets(node.Spec);
            var columns = context.Artifacts.Columns(node).ToDictionary(column => column.Name);
            var digits = (int)Math.Min(Digits, test.Count);
            var (labels, rows) = Rows(pair, test, columns, digits);
            var title = $"LAVAE on {TransferGrid.Name(pair)}: augmenting and inverting in latent space (first test digits)";
            var relative = FigureContext.PathOf($"augment-invert-{TransferGrid.Name(pair)}.png");
            PngWriter.Write(context.FileOf(relative), LabelledGrid.Render(title, labels, [.. Enumerable.Range(1, digits).Select(i => $"test {i}")], rows, 28, 28));
            written.Add(relative);
        }

        return written;
    }

    /// <summary>The row labels and tiles, top to bottom.</summary>
    public static (List<string> Labels, List<IReadOnlyList<byte[]>> Rows) Rows(
        IReadOnlyList<string> pair, AlignedSets test, IReadOnlyDictionary<string, ErrorColumn> columns, int digits)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(columns);
        (string Label, AugClass? Set, string? Column)[] layout =
        [
            ("x0", AugClass.Orig, null),
            ($"A1(x0), {pair[0]}", AugClass.Aug1, null),
            ("decode(z0·L1)", null, "aug1"),
            ("decode(E(A1 x0)·L1^-1)", null, "inverse_aug1"),
            ("decode(E(A1 x0)·L1·L1)", null, "involutory_inverse_aug1"),
            ($"A2(x0), {pair[1]}", AugClass.Aug2, null),
            ("decode(z0·L2)", null, "aug2"),
            ("decode(E(A2 x0)·L2^-1)", null, "inverse_aug2"),
            ("decode(E(A2 x0)·L2·L2)", null, "involutory_inverse_aug2"),
            ("A2(A1(x0))", AugClass.Compose, null),
            ("decode(z0·L1·L2)", null, "compose"),
            ("decode(z0·L2·L1)", null, "reverse_compose"),
            ("decode(E(A2 A1 x0)·L2^-1·L1^-1)", null, "inverse_compose"),
        ];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var indices = arange(0, digits, device: test.Orig.device);
        var batch = new EvaluationBatch(test, indices);
        var labels = new List<string>();
        var rows = new List<IReadOnlyList<byte[]>>();
        foreach (var (label, set, column) in layout)
        {
            if (set is { } aligned)
            {
                rows.Add(ReconstructionGrid.Tiles(test[aligned].index_select(0, indices)));
            }
            else if (columns.TryGetValue(column!, out var predict))
            {
                rows.Add(ReconstructionGrid.Tiles(ReconstructionGrid.ToPixels(predict.Compute(batch))));
            }
            else
            {
                continue; // a map without an inverse (the MLP ablation) has no inverse rows
            }

            labels.Add(label);
        }

        return (labels, rows);
    }
}
