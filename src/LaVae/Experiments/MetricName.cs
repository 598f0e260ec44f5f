using System.Diagnostics.CodeAnalysis;

namespace LaVae.Experiments;

/// <summary>
/// A metric the runner reports, named <c>model.measure.column</c>: e.g. <c>lavae.bce.total</c> is
/// LAVAE's per-image summed binary cross-entropy, summed over the Table I columns.
/// </summary>
public sealed record MetricName(string Model, string Measure, string Column)
{
    public override string ToString() => $"{Model}.{Measure}.{Column}";

    /// <summary>Splits a name into its three parts without checking them against a grammar.</summary>
    internal static bool TrySplit(string text, [NotNullWhen(true)] out MetricName? name)
    {
        var parts = text.Split('.');
        name = parts.Length == 3 && parts.All(part => part.Length > 0) ? new MetricName(parts[0], parts[1], parts[2]) : null;
        return name is not null;
    }
}
