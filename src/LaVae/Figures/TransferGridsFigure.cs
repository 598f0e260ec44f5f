using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Reports.Images;

namespace LaVae.Figures;

/// <summary>
/// Fig. 6 and 15-17: for each transfer head, the target pair's images of the first test digits beside
/// what the head decodes from z0, z0·L1, z0·L2 and z0·L1·L2 of its latent space.
/// </summary>
internal sealed class TransferGridsFigure : IFigureKind
{
    public const int Digits = 8;

    public string Name => "transfer_grids";

    public string? Problem(ExperimentDesign design) => design.Transfer is null ? "'transfer_grids' needs a 'transfer' block" : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var grid = context.Design.Transfer!;
        var written = new List<string>();
        foreach (var source in grid.Sources)
        {
            foreach (var target in grid.Targets.Where(target => TransferGrid.Name(target) != TransferGrid.Name(source)))
            {
                var node = context.Artifacts.Node(context.Design.Head(source, target, context.Seed));
                var test = context.Artifacts.TestSets(node.Spec);
                var title = $"Head for {TransferGrid.Name(target)} on the {TransferGrid.Name(source)} latent space (A1, A2 = the target pair)";
                var image = ReconstructionGrid.Labelled(title, target, test, context.Artifacts.Columns(node), (int)Math.Min(Digits, test.Count));
                var relative = FigureContext.PathOf($"transfer-{TransferGrid.Name(source)}-to-{TransferGrid.Name(target)}.png");
                PngWriter.Write(context.FileOf(relative), image);
                written.Add(relative);
            }
        }

        return written;
    }
}
