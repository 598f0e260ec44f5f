using System.Globalization;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch.Reference;

/// <summary>Element-wise comparisons that say where and by how much two arrays differ.</summary>
internal static class Approx
{
    /// <summary>Asserts |actual − expected| ≤ tolerance·max(1, |expected|) everywhere.</summary>
    public static void ShouldBeClose(this double[] actual, double[] expected, double tolerance, string what)
    {
        actual.Should().HaveSameCount(expected, "{0} must have as many elements as its reference", what);
        var worst = -1;
        var worstExcess = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            var allowed = tolerance * Math.Max(1, Math.Abs(expected[i]));
            var error = Math.Abs(actual[i] - expected[i]);
            if (!(error <= allowed) && (worst < 0 || error - allowed > worstExcess))
            {
                (worst, worstExcess) = (i, error - allowed);
            }
        }

        worst.Should().Be(-1, "{0}: element {1} is {2} but the reference is {3} (tolerance {4})", what, worst,
            worst < 0 ? "" : actual[worst].ToString("R", CultureInfo.InvariantCulture),
            worst < 0 ? "" : expected[worst].ToString("R", CultureInfo.InvariantCulture), tolerance);
    }

    public static void ShouldBeClose(this Tensor actual, double[] expected, double tolerance, string what) =>
        Values(actual).ShouldBeClose(expected, tolerance, what);

    /// <summary>The elements of any numeric tensor as doubles.</summary>
    public static double[] Values(Tensor tensor)
    {
        using var asDouble = tensor.to(ScalarType.Float64);
        return asDouble.ToArray<double>();
    }
}

/// <summary>Reproducible test inputs from System.Random, independent of libtorch's generators.</summary>
internal static class TestData
{
    public static double[] Uniform(int seed, int count, double low = -1, double high = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => low + ((high - low) * random.NextDouble())).ToArray();
    }

    /// <summary>A tensor of <paramref name="dtype"/> holding <paramref name="values"/> (given in float64).</summary>
    public static Tensor Tensor(double[] values, long[] shape, ScalarType dtype = ScalarType.Float64)
    {
        var float64 = torch.tensor(values, shape);
        return dtype == ScalarType.Float64 ? float64 : float64.to(dtype);
    }
}
