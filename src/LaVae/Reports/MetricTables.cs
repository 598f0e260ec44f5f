using System.Globalization;
using LaVae.Experiments;

namespace LaVae.Reports;

/// <summary>
/// Table I style tables built from whatever metrics a run reported: one table per measure (BCE, SSE),
/// rows = models, columns = the metric columns present, in the grammar's order. Where the paper has a
/// value for a cell, the cell shows ours, the paper's value and how far ours lies from it.
/// </summary>
internal static class MetricTables
{
    private const string PaperCaption = "ours (the paper's value and ours relative to it where the paper has one)";

    public static IEnumerable<ReportTable> Build(RunResults results, ExperimentVocabulary vocabulary)
    {
        // A budget ladder's metrics are the same tables once per rung, under the rung's prefix.
        IEnumerable<(string Prefix, string Title)> scopes = results.Run.Budgets.Count == 0
            ? [("", "")]
            : results.Run.Budgets.Select(rung => (rung.Metric(""), $"Rung {rung.Name} ({NumberText.Measured(rung.ImagesSeen / 1000)}k images seen in stage 1): "));
        foreach (var (prefix, title) in scopes)
        {
            var names = results.Measurements.Metrics.Keys
                .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(key => MetricName.TrySplit(key[prefix.Length..], out var name) ? name : null)
                .OfType<MetricName>()
                .Where(name => vocabulary.Metrics.Measures.Contains(name.Measure, StringComparer.Ordinal)) // not another measure's three-part name
                .ToList();
            var measures = names.Select(name => name.Measure).Distinct(StringComparer.Ordinal)
                .OrderBy(measure => Rank(vocabulary.Metrics.Measures.ToList().IndexOf(measure)))
                .ThenBy(measure => measure, StringComparer.Ordinal);
            foreach (var measure in measures)
            {
                var table = Build(results, vocabulary, measure, names.Where(name => name.Measure == measure).ToList(), prefix);
                yield return table with { Caption = title + table.Caption };
            }
        }

        foreach (var table in TransferTable(results).Concat(ComposabilityTables.Build(results)))
        {
            yield return table;
        }

        foreach (var table in AblationTable(results, vocabulary))
        {
            yield return table;
        }
    }

    /// <summary>
    /// The ablation measure's properties of the latent maps (<c>ablation.&lt;model&gt;.&lt;property&gt;</c>): rows the
    /// models (in the experiment's order), columns the properties (by name).
    /// </summary>
    private static IEnumerable<ReportTable> AblationTable(RunResults results, ExperimentVocabulary vocabulary)
    {
        var names = results.Measurements.Metrics.Keys
            .Select(key => key.Split('.'))
            .Where(parts => parts.Length == 3 && parts[0] == "ablation")
            .ToList();
        if (names.Count == 0)
        {
            yield break;
        }

        var models = names.Select(parts => parts[1]).Distinct(StringComparer.Ordinal)
            .OrderBy(model => Rank(results.Run.Models.ToList().IndexOf(model))).ThenBy(model => model, StringComparer.Ordinal).ToList();
        var properties = names.Select(parts => parts[2]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rows = models.Select(model => (IReadOnlyList<ReportCell>)
        [
            new ReportCell(vocabulary.DisplayName(model)),
            .. properties.Select(property => new ReportCell(Significant(results, $"ablation.{model}.{property}"))),
        ]).ToList();
        const string caption = "Latent maps: commutator ‖z0·L1·L2 − z0·L2·L1‖ / ‖z0·L1·L2‖, involution ‖f(f(z0)) − z0‖ / ‖z0‖, "
            + "Jacobian rank (16 = invertible), inversion min ‖f(z') − μ(A(x0))‖ / ‖μ(A(x0))‖ (means over the test digits)";
        yield return new ReportTable(caption, ["model", .. properties], rows);
    }

    /// <summary>
    /// The transfer heatmap as a table: rows the latent spaces, columns the heads' target pairs, cells
    /// the total BCE (<c>transfer.&lt;source&gt;.&lt;target&gt;.bce.total</c>), beside the paper's where it has the cell.
    /// </summary>
    private static IEnumerable<ReportTable> TransferTable(RunResults results)
    {
        if (results.Run.Transfer is not { } grid)
        {
            yield break;
        }

        var sources = grid.Sources.Select(pair => string.Join(',', pair)).ToList();
        var targets = grid.Targets.Select(pair => string.Join(',', pair)).ToList();
        var withPaper = results.PaperValues.Keys.Any(key => key.StartsWith("transfer.", StringComparison.Ordinal));
        var rows = sources.Select(source => (IReadOnlyList<ReportCell>)
        [
            new ReportCell(source),
            .. targets.Select(target => Cell(results, $"transfer.{source}.{target}.bce.total", withPaper)),
        ]).ToList();
        var caption = $"Transfer: total BCE per image of the head for each target pair (columns) on each latent space (rows), {(withPaper ? PaperCaption : "ours")}";
        yield return new ReportTable(caption, ["latent space trained on", .. targets], rows);
    }

    private static ReportTable Build(RunResults results, ExperimentVocabulary vocabulary, string measure, List<MetricName> names, string prefix)
    {
        var models = results.Run.Models.Where(model => names.Any(name => name.Model == model))
            .Concat(names.Select(name => name.Model).Where(model => !results.Run.Models.Contains(model)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .ToList();
        var columns = names.Select(name => name.Column).Distinct(StringComparer.Ordinal)
            .OrderBy(column => Rank(vocabulary.Metrics.IndexOf(column)))
            .ThenBy(column => column, StringComparer.Ordinal)
            .ToList();
        var withPaper = names.Any(name => results.PaperValues.ContainsKey(prefix + name));

        var rows = models.Select(model =>
            (IReadOnlyList<ReportCell>)[
                new ReportCell(vocabulary.DisplayName(model)),
                .. columns.Select(column => Cell(results, prefix + new MetricName(model, measure, column), withPaper)),
            ]).ToList();
        var seeds = results.Measurements.Seeds.Count > 1 ? $"; ours as mean ± sd (min–max) over {results.Measurements.Seeds.Count} seeds" : "";
        var caption = $"{measure.ToUpperInvariant()} per image, {(withPaper ? PaperCaption : "ours")}{seeds}";
        return new ReportTable(caption, ["model", .. columns.Select(vocabulary.DisplayName)], rows);
    }

    /// <summary>Ours; in a table with paper values, ours with the paper's value and the relative difference where the paper has one.</summary>
    private static ReportCell Cell(RunResults results, string metric, bool withPaper)
    {
        double? measured = results.Measurements.Metrics.TryGetValue(metric, out var value) ? value : null;
        var ours = measured is { } mean ? Ours(results, metric, mean) : "—";
        if (!withPaper || !results.PaperValues.TryGetValue(metric, out var paper))
        {
            return new ReportCell(ours);
        }

        var compared = PaperComparison.Of(measured, ours, paper);
        return new ReportCell(compared.OneLine, Compared: compared);
    }

    // Ratios near 0 are the point of the ablation table (0.008 against 0.82), so three significant digits, not two decimals.
    private static string Significant(RunResults results, string metric)
    {
        if (!results.Measurements.Metrics.TryGetValue(metric, out var mean))
        {
            return "—";
        }

        var text = mean.ToString("G3", CultureInfo.InvariantCulture);
        return results.Measurements.PerSeed.TryGetValue(metric, out var values) && values.Count > 1
            ? $"{text} (mean of {values.Count} seeds, {values.Min().ToString("G3", CultureInfo.InvariantCulture)}–{values.Max().ToString("G3", CultureInfo.InvariantCulture)})"
            : text;
    }

    // With several seeds: the mean, the standard deviation (n - 1) and the range.
    private static string Ours(RunResults results, string metric, double mean)
    {
        if (!results.Measurements.PerSeed.TryGetValue(metric, out var values) || values.Count < 2)
        {
            return NumberText.Measured(mean);
        }

        return NumberText.Spread(values);
    }

    // Known names first, in their declared order; unknown ones after, by name.
    private static int Rank(int index) => index < 0 ? int.MaxValue : index;
}
