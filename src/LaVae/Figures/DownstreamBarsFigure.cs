using LaVae.Artifacts;
using LaVae.Measures;
using LaVae.Reports.Images;

namespace LaVae.Figures;

/// <summary>
/// Issue 12, part 3 as bars: test accuracy of the classifier trained with each augmentation source,
/// on the plain and on the augmented test digits; bar = mean over seeds, whisker = min to max.
/// </summary>
internal sealed class DownstreamBarsFigure : IFigureKind
{
    public string Name => "downstream_bars";

    public string? Problem(ExperimentDesign design) => MeasureRegistry.Get("downstream").Problem(design);

    public IReadOnlyList<string> Render(FigureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pair = string.Join(',', context.Design.Pair!);
        var seeds = Math.Max(1, context.PerSeed.Count);
        var groups = DownstreamMeasure.Sources.Select(source => (
            ModelKinds.Get(source.Kind).DisplayName,
            (IReadOnlyList<Bar>)DownstreamMeasure.Columns.Select(column => BarOf(context, $"{source.Row}.accuracy.{column}")).ToList())).ToList();
        var chart = new BarChart(
            $"Classifier on {Artifacts.Kinds.DownstreamClassifierKind.LabelledDigits} labelled digits, by augmentation ({seeds} seed{(seeds == 1 ? "" : "s")})",
            "test accuracy (bar: mean over seeds, whisker: min to max)",
            ["plain test digits", $"augmented test digits ({pair})"],
            groups);
        var png = FigureContext.PathOf("downstream-accuracy.png");
        var svg = FigureContext.PathOf("downstream-accuracy.svg");
        FigureFile.WritePng(context.FileOf(png), chart);
        FigureFile.WriteSvg(context.FileOf(svg), chart);
        return [png, svg];
    }

    private static Bar BarOf(FigureContext context, string metric)
    {
        var mean = context.Metrics[metric];
        var values = context.PerSeed.Select(seed => seed[metric]).DefaultIfEmpty(mean).ToList();
        return new Bar(mean, values.Min(), values.Max());
    }
}
