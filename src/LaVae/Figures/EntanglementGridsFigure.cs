using LaVae.Artifacts;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Models;
using LaVae.Reports.Images;
using LaVae.Torch;

namespace LaVae.Figures;

/// <summary>
/// Fig. 8/9: for each listed model, the first test digits x0 and, for A1, A2 and their composition,
/// the true A_k(x0), the model's decoded A_k and a verdict tile: "id:Y" when the decoded image is
/// nearest its own A_k(x0) among the identity measure's candidates, "id:N" when not, and "c:d", the
/// class the classifier reads in it (turned back first where the augmentation has an exact inverse).
/// One figure per model, the same digits in each.
/// </summary>
internal sealed class EntanglementGridsFigure : IFigureKind
{
    public const int Digits = 8;

    private const int Tile = 28;

    private static readonly (AugClass Set, string Column)[] Augmented = [(AugClass.Aug1, "aug1"), (AugClass.Aug2, "aug2"), (AugClass.Compose, "compose")];

    public string Name => "entanglement_grids";

    public string? Problem(ExperimentDesign design) =>
        design.Pair is null || design.Models.Count == 0 ? "'entanglement_grids' draws the listed 'models' on one 'pair'; declare both" : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var classifierSpec = context.Design.Classifier(context.Seed);
        var classifier = (DigitClassifier)context.Artifacts.Get(context.Artifacts.Node(classifierSpec));
        var digits = context.Artifacts.TestDigits(classifierSpec);
        var written = new List<string>();
        foreach (var model in context.Design.Models)
        {
            var node = context.Artifacts.Node(context.Design.Model(model, context.Seed));
            var test = context.Artifacts.TestSets(node.Spec);
            var columns = context.Artifacts.Columns(node);
            var pair = context.Design.Pair!; // as the experiment names it
            var count = (int)Math.Min(Digits, test.Count);
            var (rowLabels, rows) = Rows(classifier, digits, test, pair, columns, count, context.Seed);
            using var firstLabels = digits.Labels.narrow(0, 0, count);
            var labels = firstLabels.ToArray<long>();
            var columnLabels = Enumerable.Range(0, count).Select(i => $"test {i + 1},label {labels[i]}").ToList();
            var title = $"{ModelKinds.Get(model).DisplayName} on {string.Join(',', pair)}: decoded augmentations of the first test digits";
            var relative = FigureContext.PathOf($"entanglement-{model}.png");
            PngWriter.Write(context.FileOf(relative), LabelledGrid.Render(title, rowLabels, columnLabels, rows, Tile, Tile));
            written.Add(relative);
        }

        return written;
    }

    private static (List<string> Labels, List<IReadOnlyList<GridCell>> Rows) Rows(
        DigitClassifier classifier, LabelledImages digits, AlignedSets test, IReadOnlyList<string> pair, IReadOnlyList<ErrorColumn> columns, int count, int seed)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var indices = arange(0, count, device: test.Orig.device);
        var batch = new EvaluationBatch(test, indices);
        var candidates = IdentityRetrieval.Candidates(test.Count, seed, test.Orig.device).index_select(0, indices);
        var labels = new List<string> { "x0 (test digit)" };
        var rows = new List<IReadOnlyList<GridCell>> { Cells(ReconstructionGrid.Tiles(test.Orig.index_select(0, indices))) };
        foreach (var (set, name) in Augmented)
        {
            var column = columns.First(c => c.Name == name);
            var decoded = column.Compute(batch);
            var hits = IdentityRetrieval.Hits(decoded, AlignedSets.ToModelInput(test[set]), candidates).ToArray<bool>();
            var read = ClassVerdict.Judge(classifier, digits, batch, pair, column).Reading.Predicted.ToArray<long>();
            var augmentation = SetName(pair, set);
            labels.AddRange([augmentation, $"decoded {augmentation}", $"id Y/N, class read{(Deaugmentation.IsExact(pair, set) ? " (turned back)" : "")}"]);
            rows.Add(Cells(ReconstructionGrid.Tiles(test[set].index_select(0, indices))));
            rows.Add(Cells(ReconstructionGrid.Tiles(ReconstructionGrid.ToPixels(decoded))));
            rows.Add([.. Enumerable.Range(0, count).Select(i => GridCell.Words($"id: {(hits[i] ? 'Y' : 'N')}\nclass: {read[i]}"))]);
        }

        return (labels, rows);
    }

    private static List<GridCell> Cells(IReadOnlyList<byte[]> tiles) => [.. tiles.Select(GridCell.Tile)];

    private static string SetName(IReadOnlyList<string> pair, AugClass set) => set switch
    {
        AugClass.Aug1 => $"A1 {pair[0]}",
        AugClass.Aug2 => $"A2 {pair[1]}",
        _ => $"A2(A1) {pair[0]}+{pair[1]}",
    };
}
