using LaVae.Measures;
using LaVae.Reports.Images;

namespace LaVae.Figures;

/// <summary>
/// Fig. 7 / Fig. 18: the total BCE per image of each transfer head (rows: the pair the latent space was
/// trained on; columns: the pair the head was trained for), ours beside the paper's on one colour
/// scale, as PNG and SVG.
/// </summary>
internal sealed class TransferHeatmapFigure : IFigureKind
{
    public const string FileStem = "transfer-heatmap";

    public string Name => "transfer_heatmap";

    public string? Problem(ExperimentDesign design) => design.Transfer is null ? "'transfer_heatmap' needs a 'transfer' block" : null;

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var grid = context.Design.Transfer!;
        var rows = grid.Sources.Select(TransferGrid.Name).ToList();
        var columns = grid.Targets.Select(TransferGrid.Name).ToList();
        var panels = new List<HeatmapPanel>
        {
            Panel("ours", rows, columns, (row, column) =>
                context.Metrics.TryGetValue(TransferMeasure.Metric(row, column, "bce", "total"), out var value) ? value : null),
        };
        if (grid.PaperTable is { } table)
        {
            panels.Add(Panel($"paper ({table})", rows, columns, (row, column) => context.PaperValue($"{table}.{row}.{column}")));
        }

        const string title = "Total BCE per image of a decoder head on a latent space (lower is better)";
        var png = FigureContext.PathOf($"{FileStem}.png");
        var svg = FigureContext.PathOf($"{FileStem}.svg");
        var figure = new HeatmapFigure(title, panels);
        FigureFile.WritePng(context.FileOf(png), figure);
        FigureFile.WriteSvg(context.FileOf(svg), figure);
        return [png, svg];
    }

    private static HeatmapPanel Panel(string title, List<string> rows, List<string> columns, Func<string, string, double?> value)
    {
        var cells = new HeatmapCell?[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                cells[r, c] = value(rows[r], columns[c]) is { } v && double.IsFinite(v)
                    ? new HeatmapCell(v, v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))
                    : null;
            }
        }

        return new HeatmapPanel(title, rows, columns, cells);
    }
}
