using System.Globalization;
using LaVae.Artifacts;
using LaVae.Reports.Images;

namespace LaVae.Figures;

/// <summary>
/// The training curves every run draws, whatever its figures: one figure per model kind, one panel
/// per stage and loss term (epochs on x, the term per training example on y), a line per trained
/// part, so a reader sees whether a part had converged when it was measured.
/// </summary>
public static class TrainingCurvesFigure
{
    /// <summary>Lines beyond this many in a panel are coloured by seed, not told apart one by one.</summary>
    private const int MaxNamedLines = 8;

    private const int Columns = 4;

    /// <summary>Tableau 10: told apart by most readers, colour-blind ones included.</summary>
    private static readonly RgbColour[] Palette =
    [
        new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28), new(0x94, 0x67, 0xbd),
        new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f), new(0xbc, 0xbd, 0x22), new(0x17, 0xbe, 0xcf),
    ];

    /// <summary>The file of one kind's curves, relative to the run folder.</summary>
    public static string FileOf(string kind, string extension) => FigureContext.PathOf($"training-curves-{kind}.{extension}");

    /// <summary>Draws each kind's curves under <paramref name="outputFolder"/>; returns the files written (PNG and SVG).</summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<PartCurves> curves, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var files = new List<string>();
        foreach (var kind in curves.Where(part => part.Stages.Count > 0).GroupBy(part => part.Kind, StringComparer.Ordinal))
        {
            var parts = kind.ToList();
            var figure = new CurveFigure($"Training curves: {ModelKinds.Get(kind.Key).DisplayName} ({parts.Count} trained part{(parts.Count == 1 ? "" : "s")})", Panels(parts), Columns);
            var png = FileOf(kind.Key, "png");
            var svg = FileOf(kind.Key, "svg");
            FigureFile.WritePng(Path.Combine(outputFolder, png), figure);
            FigureFile.WriteSvg(Path.Combine(outputFolder, svg), figure);
            files.Add(png);
            files.Add(svg);
        }

        return files;
    }

    /// <summary>One panel per stage and term, in the order the parts recorded them.</summary>
    internal static IReadOnlyList<CurvePanel> Panels(IReadOnlyList<PartCurves> parts)
    {
        var seeds = parts.Select(part => part.Seed).Distinct().Order().ToList();
        var named = parts.Count <= MaxNamedLines;
        (string Label, RgbColour Colour) Style(PartCurves part, int index) => named
            ? (part.Part, Palette[index % Palette.Length])
            : ($"seed {part.Seed.ToString(CultureInfo.InvariantCulture)}", Palette[seeds.IndexOf(part.Seed) % Palette.Length]);

        var panels = new List<CurvePanel>();
        // A stage whose loss is its one term (a head's BCE) would draw the same panel twice: the term is kept.
        var stageTerms = parts.SelectMany(part => part.Stages.SelectMany(stage => stage.Value.Keys
                .Where(term => term != Training.TrainingCurves.TotalTerm || stage.Value.Count != 2)
                .Select(term => (Stage: stage.Key, Term: term))))
            .Distinct();
        foreach (var (stage, term) in stageTerms)
        {
            var series = parts.Select((part, index) => (part, index))
                .Where(p => p.part.Stages.TryGetValue(stage, out var terms) && terms.TryGetValue(term, out var values) && values.Count > 0)
                .Select(p =>
                {
                    var (label, colour) = Style(p.part, p.index);
                    var values = p.part.Stages[stage][term];
                    return new CurveSeries(label, colour, values.Select((value, epoch) => ((double)(epoch + 1), value)).ToList());
                })
                .ToList();
            panels.Add(new CurvePanel($"{stage}: {term}", "epoch", "per training example", series));
        }

        return panels;
    }
}
