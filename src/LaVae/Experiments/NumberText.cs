using System.Globalization;

namespace LaVae.Experiments;

/// <summary>How numbers are printed in messages and reports, independent of the machine's culture.</summary>
internal static class NumberText
{
    /// <summary>A measured value: two decimals are finer than any tolerance we state.</summary>
    public static string Measured(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value as given (paper numbers, bounds): shortest text that reads back the same.</summary>
    public static string Exact(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Several seeds' values of one metric: mean ± standard deviation (n − 1, as numpy's ddof=1)
    /// (min–max), each to four significant digits, so a small residual keeps its digits.
    /// </summary>
    public static string Spread(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mean = values.Average();
        var deviation = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return $"{Significant(mean)} ± {Significant(deviation)} ({Significant(values.Min())}–{Significant(values.Max())})";
    }

    private static string Significant(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage: 0.1 → "10%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
