using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Models;
using LaVae.Reports.Images;
using LaVae.Torch;

namespace LaVae.Figures;

/// <summary>
/// The squared_map measure as a picture, per listed pair: the first test digits x0, A1(x0), the target
/// A2(x0), and three ways of reaching it in latent space, decode(z0·L2), decode(z0·L1·L1) and
/// decode(z0) (no map). One column per digit.
/// </summary>
internal sealed class SquaredMapGridsFigure : IFigureKind
{
    public const int Digits = 8;

    public string Name => "squared_map_grids";

    public string? Problem(ExperimentDesign design) =>
        design.Pairs.Count == 0 ? "'squared_map_grids' draws LAVAE's maps on the listed 'pairs'; declare 'pairs' (or 'pair')" : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var written = new List<string>();
        foreach (var (pair, node, model) in PairLatentSpaces.Of(context.Design, context.Seed, context.Artifacts))
        {
            var test = context.Artifacts.TestSets(node.Spec);
            var digits = (int)Math.Min(Digits, test.Count);
            var columns = SquaredMapMeasure.ColumnsOf(model).ToDictionary(column => column.Name);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var indices = arange(0, digits, device: test.Orig.device);
            var batch = new EvaluationBatch(test, indices);
            IReadOnlyList<byte[]> Set(AugClass set) => ReconstructionGrid.Tiles(test[set].index_select(0, indices));
            IReadOnlyList<byte[]> Decoded(string column) => ReconstructionGrid.Tiles(ReconstructionGrid.ToPixels(columns[column].Compute(batch)));
            List<string> labels = ["x0", $"A1(x0), {pair[0]}", $"A2(x0), {pair[1]}: the target", "decode(z0·L2)", "decode(z0·L1·L1)", "decode(z0), no map"];
            List<IReadOnlyList<byte[]>> rows = [Set(AugClass.Orig), Set(AugClass.Aug1), Set(AugClass.Aug2), Decoded("l2"), Decoded("l1_twice"), Decoded("no_map")];
            var title = $"LAVAE on {TransferGrid.Name(pair)}: reaching A2 by L2 and by L1 twice (first test digits, seed {context.Seed})";
            var relative = FigureContext.PathOf($"squared-map-{TransferGrid.Name(pair)}.png");
            PngWriter.Write(context.FileOf(relative), LabelledGrid.Render(title, labels, [.. Enumerable.Range(1, digits).Select(i => $"test {i}")], rows, 28, 28));
            written.Add(relative);
        }

        return written;
    }
}
