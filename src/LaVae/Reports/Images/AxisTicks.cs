using System.Globalization;

namespace LaVae.Reports.Images;

/// <summary>
/// Tick marks for a plot axis: about <c>target</c> ticks at a "nice" step (1, 2 or 5 times a power of
/// ten), labelled with as many decimals as the step needs.
/// </summary>
public sealed record AxisTicks(IReadOnlyList<double> Values, IReadOnlyList<string> Labels)
{
    public static AxisTicks For(double min, double max, int target = 5)
    {
        if (!(max > min) || !double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException($"an axis needs finite min < max; got [{min}, {max}]");
        }

        double raw = (max - min) / target;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(f => f * magnitude).First(s => s >= raw * (1 - 1e-9));
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        var values = new List<double>();
        for (double k = Math.Ceiling((min / step) - 1e-9); k * step <= max + (step * 1e-9); k++)
        {
            values.Add(k * step);
        }

        var labels = values.Select(v => (Math.Abs(v) < step * 1e-9 ? 0.0 : v).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToList();
        return new AxisTicks(values, labels);
    }
}
