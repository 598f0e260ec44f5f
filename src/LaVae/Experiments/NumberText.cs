using System.Globalization;

namespace LaVae.Experiments;

/// <summary>How numbers are printed in messages and reports, independent of the machine's culture.</summary>
internal static class NumberText
{
    /// <summary>A measured value: two decimals are finer than any tolerance we state.</summary>
    public static string Measured(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value as given (paper numbers, bounds): shortest text that reads back the same.</summary>
    public static string Exact(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage: 0.1 → "10%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
