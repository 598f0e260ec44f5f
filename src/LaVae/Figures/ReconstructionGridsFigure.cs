using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Reports.Images;

namespace LaVae.Figures;

/// <summary>Fig. 3/9: each listed model's reconstructions of the first test digits, one grid per model (or per snapshot of it).</summary>
internal sealed class ReconstructionGridsFigure : IFigureKind
{
    /// <summary>Digits shown in a reconstruction figure when no snapshot says otherwise.</summary>
    public const int DefaultDigits = 8;

    public string Name => "reconstruction_grids";

    public string? Problem(ExperimentDesign design) =>
        design.Pair is null || design.Models.Count == 0 ? "'reconstruction_grids' draws the listed 'models' on one 'pair'; declare both" : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var written = new List<string>();
        foreach (var model in context.Design.Models)
        {
            var node = context.Artifacts.Node(context.Design.Model(model, context.Seed));
            var test = context.Artifacts.TestSets(node.Spec);
            var columns = context.Artifacts.Columns(node);
            var grids = context.Grids.TryGetValue(model, out var declared) && declared.Count > 0 ? declared : [($"{model}-reconstructions", DefaultDigits)];
            foreach (var (name, digits) in grids)
            {
                var relative = FigureContext.PathOf($"{name}.png");
                // The pair as the experiment names it (a declared augmentation's name, not its definition).
                var pair = context.Design.Pair!;
                var title = $"{Artifacts.ModelKinds.Get(model).DisplayName} on {string.Join(',', pair)}: first test digits";
                PngWriter.Write(context.FileOf(relative), ReconstructionGrid.Labelled(title, pair, test, columns, (int)Math.Min(digits, test.Count)));
                written.Add(relative);
            }
        }

        return written;
    }
}
