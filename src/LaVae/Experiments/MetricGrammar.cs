using System.Diagnostics.CodeAnalysis;

namespace LaVae.Experiments;

/// <summary>
/// The names of Table I style metrics, <c>model.measure.column</c>: the known error measures and
/// columns, their printed names, and the order reports use. Which names an experiment may claim is
/// decided by its measures (each lists the metrics it reports); this grammar explains what is wrong
/// with a three-part name none of them reports.
/// </summary>
public sealed class MetricGrammar
{
    public MetricGrammar(IEnumerable<string> measures, IEnumerable<MetricColumn> columns)
    {
        Measures = measures.ToList();
        Columns = columns.ToList();
        var duplicate = Columns.GroupBy(column => column.Key, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"metric column '{duplicate.Key}' is declared twice", nameof(columns));
        }
    }

    /// <summary>Table I's reconstruction errors and the inverse/reverse-composition errors of section 5.</summary>
    public static MetricGrammar Reconstruction { get; } = new(
        ["bce", "sse"],
        [
            new("orig", "Orig"),
            new("aug1", "Aug1"),
            new("aug2", "Aug2"),
            new("compose", "Compose"),
            new("total", "Total"),
            new("reverse_compose", "Reverse compose"),
            new("inverse_aug1", "Inverse Aug1"),
            new("inverse_aug2", "Inverse Aug2"),
            new("inverse_compose", "Inverse compose"),
            new("involutory_inverse_aug1", "Inverse Aug1 by L·L"),
            new("involutory_inverse_aug2", "Inverse Aug2 by L·L"),
        ]);

    /// <summary>Error measures: summed binary cross-entropy and summed squared error, per image.</summary>
    public IReadOnlyList<string> Measures { get; }

    public IReadOnlyList<MetricColumn> Columns { get; }

    /// <summary>Parses a name whose measure and column are known; the model is the experiment's to check.</summary>
    public bool TryParse(string text, [NotNullWhen(true)] out MetricName? name, [NotNullWhen(false)] out string? problem)
    {
        name = null;
        if (!MetricName.TrySplit(text, out var parts))
        {
            problem = $"metric '{text}' must have the form <model>.<measure>.<column>, e.g. lavae.bce.total";
        }
        else if (!Measures.Contains(parts.Measure, StringComparer.Ordinal))
        {
            problem = $"unknown measure '{parts.Measure}' in metric '{text}' (known: {Names.List(Measures)})";
        }
        else if (IndexOf(parts.Column) < 0)
        {
            problem = $"unknown column '{parts.Column}' in metric '{text}' (known: {string.Join(", ", Columns.Select(column => column.Key))})";
        }
        else
        {
            name = parts;
            problem = null;
            return true;
        }

        return false;
    }

    /// <summary>Position in report order; -1 for a column this grammar does not know.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == column)
            {
                return i;
            }
        }

        return -1;
    }
}
