namespace LaVae.Evaluation;

/// <summary>
/// Order statistics of per-image errors, computed on the host once a measure has all of them:
/// quartiles by linear interpolation between order statistics (numpy's default), and the share of
/// images at or below a bound.
/// </summary>
public static class StepStatistics
{
    /// <summary>The <paramref name="q"/>-quantile (0 ≤ q ≤ 1) of <paramref name="values"/>.</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    /// <summary>The fraction of <paramref name="values"/> that are at most <paramref name="bound"/>.</summary>
    public static double ShareAtMost(IReadOnlyList<double> values, double bound)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        return values.Count(value => value <= bound) / (double)values.Count;
    }
}
