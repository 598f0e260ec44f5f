using LaVae.Torch;
using LaVae.Tests.Unit.Torch.Reference;

namespace LaVae.Tests.Unit.Geometry;

/// <summary>
/// Compares components "up to sign and order": each expected row (or column) must equal, within a
/// tolerance, exactly one actual row (or column) or its negation.
/// </summary>
internal static class ComponentMatching
{
    /// <param name="actual">(k, D) rows.</param>
    /// <param name="expected">(k, D) rows, row-major.</param>
    public static void RowsShouldMatchUpToSignAndOrder(Tensor actual, double[] expected, double tolerance, string what)
    {
        var values = Approx.Values(actual);
        var k = (int)actual.size(0);
        var d = (int)actual.size(1);
        expected.Length.Should().Be(k * d, "{0}: as many values as the reference", what);
        var used = new bool[k];
        for (var e = 0; e < k; e++)
        {
            var target = expected.AsSpan(e * d, d).ToArray();
            var match = Enumerable.Range(0, k).Where(a => !used[a]).Select(a => (a, error: Math.Min(
                    Distance(values.AsSpan(a * d, d), target, 1),
                    Distance(values.AsSpan(a * d, d), target, -1))))
                .OrderBy(m => m.error).First();
            match.error.Should().BeLessThanOrEqualTo(tolerance * Math.Max(1, target.Max(Math.Abs)), "{0}: reference row {1} has no match up to sign (best max error {2})", what, e, match.error);
            used[match.a] = true;
        }
    }

    /// <summary>The same for columns of (N, k) matrices.</summary>
    public static void ColumnsShouldMatchUpToSignAndOrder(Tensor actual, (double[] Values, long[] Shape) expected, double tolerance, string what)
    {
        using var transposed = actual.T.contiguous();
        using var expectedTensor = tensor(expected.Values, expected.Shape);
        using var expectedTransposed = expectedTensor.T.contiguous();
        RowsShouldMatchUpToSignAndOrder(transposed, expectedTransposed.ToArray<double>(), tolerance, what);
    }

    private static double Distance(ReadOnlySpan<double> a, double[] b, int sign)
    {
        var worst = 0.0;
        for (var i = 0; i < b.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs((sign * a[i]) - b[i]));
        }

        return worst;
    }
}
