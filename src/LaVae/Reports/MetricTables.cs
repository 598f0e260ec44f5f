using LaVae.Experiments;

namespace LaVae.Reports;

/// <summary>
/// Table I style tables built from whatever metrics a run reported: one table per measure (BCE, SSE),
/// rows = models, columns = the metric columns present, in the grammar's order. Where the paper has a
/// value for a cell, the cell reads "paper / ours".
/// </summary>
internal static class MetricTables
{
    public static IEnumerable<ReportTable> Build(RunResults results, ExperimentVocabulary vocabulary)
    {
        var names = results.Measurements.Metrics.Keys
            .Select(key => MetricName.TrySplit(key, out var name) ? name : null)
            .OfType<MetricName>()
            .ToList();
        var measures = names.Select(name => name.Measure).Distinct(StringComparer.Ordinal)
            .OrderBy(measure => Rank(vocabulary.Metrics.Measures.ToList().IndexOf(measure)))
            .ThenBy(measure => measure, StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            yield return Build(results, vocabulary, measure, names.Where(name => name.Measure == measure).ToList());
        }
    }

    private static ReportTable Build(RunResults results, ExperimentVocabulary vocabulary, string measure, List<MetricName> names)
    {
        var models = results.Run.Models.Where(model => names.Any(name => name.Model == model))
            .Concat(names.Select(name => name.Model).Where(model => !results.Run.Models.Contains(model)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .ToList();
        var columns = names.Select(name => name.Column).Distinct(StringComparer.Ordinal)
            .OrderBy(column => Rank(vocabulary.Metrics.IndexOf(column)))
            .ThenBy(column => column, StringComparer.Ordinal)
            .ToList();
        var withPaper = names.Any(name => results.PaperValues.ContainsKey(name.ToString()));

        var rows = models.Select(model =>
            (IReadOnlyList<ReportCell>)[
                new ReportCell(vocabulary.DisplayName(model)),
                .. columns.Select(column => new ReportCell(Cell(results, new MetricName(model, measure, column).ToString(), withPaper))),
            ]).ToList();
        var caption = $"{measure.ToUpperInvariant()} per image, {(withPaper ? "paper / ours" : "ours")}";
        return new ReportTable(caption, ["model", .. columns.Select(vocabulary.DisplayName)], rows);
    }

    private static string Cell(RunResults results, string metric, bool withPaper)
    {
        var ours = results.Measurements.Metrics.TryGetValue(metric, out var value) ? NumberText.Measured(value) : "—";
        if (!withPaper)
        {
            return ours;
        }

        var paper = results.PaperValues.TryGetValue(metric, out var paperValue) ? NumberText.Exact(paperValue) : "—";
        return $"{paper} / {ours}";
    }

    // Known names first, in their declared order; unknown ones after, by name.
    private static int Rank(int index) => index < 0 ? int.MaxValue : index;
}
