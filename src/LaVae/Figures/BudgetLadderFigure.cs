using System.Globalization;
using LaVae.Artifacts;
using LaVae.Measures;
using LaVae.Reports.Images;

namespace LaVae.Figures;

/// <summary>
/// A budget ladder against the paper: one panel per Table I column and Total, the images each rung's
/// stage 1 saw on a log x axis, a line per model through its rungs (the mean over seeds) and the
/// paper's cell as a dashed line in the model's colour.
/// </summary>
internal sealed class BudgetLadderFigure : IFigureKind
{
    private static readonly string[] Columns = ["orig", "aug1", "aug2", "compose", "total"];

    private static readonly RgbColour[] Palette = [new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28)];

    public string Name => "budget_ladder";

    public string? Problem(ExperimentDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (design.Budgets.Count < 2)
        {
            return "budget_ladder draws a budget ladder: declare 'budgets' with at least two rungs";
        }

        return design.Pair is null || design.Models.Count == 0 ? "budget_ladder draws Table I's columns: declare one 'pair' and its 'models'" : null;
    }

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rungs = context.Design.Budgets;
        var x = rungs.Select(rung => Math.Log10(rung.ImagesSeen)).ToList();
        var ticks = rungs.Select((rung, i) => (x[i], Thousands(rung.ImagesSeen))).ToList();
        const string axis = "images seen in stage 1 (log)";
        var panels = Columns.Select(column => new CurvePanel(
            column == "total" ? "Total" : column,
            axis,
            "BCE per test image",
            [.. context.Design.Models.SelectMany((model, m) => Lines(context, rungs, x, model, column, Palette[m % Palette.Length]))],
            ticks)).ToList();
        var seeds = Math.Max(1, context.PerSeed.Count);
        var figure = new CurveFigure(
            $"Table I against the training budget, rungs {string.Join(", ", rungs.Select(rung => rung.Name))} ({string.Join(',', context.Design.Pair!)}; mean of {seeds} seed{(seeds == 1 ? "" : "s")}; dashed: the paper)", panels, 3);
        var png = FigureContext.PathOf("budget-ladder.png");
        var svg = FigureContext.PathOf("budget-ladder.svg");
        FigureFile.WritePng(context.FileOf(png), figure);
        FigureFile.WriteSvg(context.FileOf(svg), figure);
        return [png, svg];
    }

    private static IEnumerable<CurveSeries> Lines(FigureContext context, IReadOnlyList<BudgetRung> rungs, IReadOnlyList<double> x, string model, string column, RgbColour colour)
    {
        var name = ModelKinds.Get(model).DisplayName;
        var points = rungs.Select((rung, i) => context.Metrics.TryGetValue(rung.Metric($"{model}.bce.{column}"), out var value) ? (x[i], value) : (x[i], double.NaN))
            .Where(point => double.IsFinite(point.Item2)).ToList();
        yield return new CurveSeries(name, colour, points, Markers: true);
        if (context.PaperValue($"table1.{model}.{column}") is { } paper)
        {
            yield return new CurveSeries($"{name}, paper", colour, [(x[0], paper), (x[^1], paper)], Dashed: true);
        }
    }

    private static string Thousands(double images) => (images / 1000).ToString("0", CultureInfo.InvariantCulture) + "k";
}
