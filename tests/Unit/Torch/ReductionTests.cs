using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class ReductionTests
{
    private static readonly long[] Shape = [2, 3, 4];
    private static readonly double[] X = TestData.Uniform(7, 24, -2, 3);

    private static double NaiveStd(IReadOnlyList<double> v, bool unbiased)
    {
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - (unbiased ? 1 : 0)));
    }

    [Fact]
    public void Sum_and_mean_over_everything()
    {
        using var scope = NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        var sum = x.sum();
        sum.shape.Should().BeEmpty();
        sum.ToDouble().Should().BeApproximately(X.Sum(), 1e-13);
        x.mean().ToDouble().Should().BeApproximately(X.Average(), 1e-14);
    }

    [Theory]
    [InlineData(new long[] { 0 })]
    [InlineData(new long[] { 1 })]
    [InlineData(new long[] { 2 })]
    [InlineData(new long[] { -1 })]
    [InlineData(new long[] { 0, 2 })]
    public void Reductions_over_dimensions_match_naive_grouping(long[] dims)
    {
        using var scope = NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        var what = $"over [{string.Join(",", dims)}]";
        x.sum(dims).ShouldBeClose(NaiveReduce(dims, v => v.Sum()), 1e-14, "sum " + what);
        x.mean(dims).ShouldBeClose(NaiveReduce(dims, v => v.Average()), 1e-14, "mean " + what);
        x.amax(dims).ShouldBeClose(NaiveReduce(dims, v => v.Max()), 0, "max " + what);
        x.amin(dims).ShouldBeClose(NaiveReduce(dims, v => v.Min()), 0, "min " + what);
        x.std(dims).ShouldBeClose(NaiveReduce(dims, v => NaiveStd(v, unbiased: true)), 1e-14, "unbiased std " + what);
        x.std(dims, unbiased: false).ShouldBeClose(NaiveReduce(dims, v => NaiveStd(v, unbiased: false)), 1e-14, "biased std " + what);
        linalg.vector_norm(x, 2, dims).ShouldBeClose(NaiveReduce(dims, v => Math.Sqrt(v.Sum(e => e * e))), 1e-14, "2-norm " + what);
        linalg.vector_norm(x, 1, dims).ShouldBeClose(NaiveReduce(dims, v => v.Sum(Math.Abs)), 1e-14, "1-norm " + what);
        var remaining = Shape.Where((_, d) => !dims.Select(k => (k + 3) % 3).Contains(d)).ToArray();
        x.sum(dims).shape.Should().Equal(remaining);
    }

    [Fact]
    public void Single_dimension_overloads_reduce_that_dimension_and_keepDim_keeps_it_as_one()
    {
        using var scope = NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        x.sum(1).ShouldBeClose(NaiveReduce([1], v => v.Sum()), 1e-14, "sum(1)");
        x.mean([2]).ShouldBeClose(NaiveReduce([2], v => v.Average()), 1e-14, "mean(2)");
        x.amax([0]).ShouldBeClose(NaiveReduce([0], v => v.Max()), 0, "max(0)");
        x.amin([1]).ShouldBeClose(NaiveReduce([1], v => v.Min()), 0, "min(1)");
        x.prod(2).ShouldBeClose(NaiveReduce([2], v => v.Aggregate(1.0, (p, e) => p * e)), 1e-14, "prod(2)");
        x.sum(1, keepdim: true).shape.Should().Equal([2L, 1, 4], "keepdim keeps the reduced dimension as 1");
        x.mean([0, 2], keepdim: true).shape.Should().Equal(1, 3, 1);
        x.amax([2], keepdim: true).shape.Should().Equal(2, 3, 1);
        x.amin([0, 1], keepdim: true).shape.Should().Equal(1, 1, 4);
        x.std([1], keepdim: true).shape.Should().Equal(2, 1, 4);
        linalg.vector_norm(x, 2, [2], keepdim: true).shape.Should().Equal(2, 3, 1);
    }

    [Fact]
    public void Max_and_min_over_everything_and_argmax()
    {
        using var scope = NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        x.max().ToDouble().Should().Be(X.Max());
        x.min().ToDouble().Should().Be(X.Min());
        var argmax = x.argmax();
        argmax.dtype.Should().Be(ScalarType.Int64);
        argmax.ToDouble().Should().Be(Array.IndexOf(X, X.Max()), "argmax without a dim indexes the flattened tensor");
        x.argmax(2).ToArray<long>().Should().Equal(NaiveReduce([2], v => v.ToList().IndexOf(v.Max())).Select(i => (long)i));
        x.argmax(1, keepdim: true).shape.Should().Equal(2, 1, 4);
    }

    [Fact]
    public void Std_over_everything_is_bessel_corrected_unless_asked_not_to_be()
    {
        using var scope = NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        x.std().ToDouble().Should().BeApproximately(NaiveStd(X, unbiased: true), 1e-14);
        x.std(unbiased: false).ToDouble().Should().BeApproximately(NaiveStd(X, unbiased: false), 1e-14);
        tensor(new[] { 1.0, 3.0 }).std().ToDouble().Should().BeApproximately(Math.Sqrt(2), 1e-15, "hand value: deviations ±1, sum 2, n − 1 = 1");
    }

    [Fact]
    public void CumSum_runs_along_the_dimension()
    {
        using var scope = NewDisposeScope();
        tensor(new long[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 }).cumsum(1).ToArray<long>().Should().Equal(1, 3, 6, 4, 9, 15);
        tensor(new long[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 }).cumsum(0).ToArray<long>().Should().Equal(1, 2, 3, 5, 7, 9);
    }

    [Fact]
    public void Vector_norms_and_the_Frobenius_norm()
    {
        using var scope = NewDisposeScope();
        var v = tensor(new[] { 3.0, -4.0 });
        v.norm().ToDouble().Should().BeApproximately(5, 1e-15);
        linalg.vector_norm(v, 1).ToDouble().Should().BeApproximately(7, 1e-15, "the 1-norm sums magnitudes");
        v.norm(1f).ToDouble().Should().BeApproximately(7, 1e-15, "Tensor.norm(float p) is the same p-norm");
        linalg.vector_norm(v, double.PositiveInfinity).ToDouble().Should().Be(4, "the ∞-norm is the largest magnitude");

        var m = TestData.Tensor(X[..12], [3, 4]);
        var frobenius = Math.Sqrt(X[..12].Sum(e => e * e));
        linalg.matrix_norm(m).ToDouble().Should().BeApproximately(frobenius, 1e-14, "matrix_norm defaults to Frobenius");
        linalg.vector_norm(m, 2, [0, 1]).ToDouble().Should().BeApproximately(frobenius, 1e-14);
        m.norm().ToDouble().Should().BeApproximately(frobenius, 1e-14, "the 2-norm of all elements is the Frobenius norm");
    }

    // Groups X's elements by their indices in the dimensions that stay, in row-major order of those.
    private static double[] NaiveReduce(long[] dims, Func<IReadOnlyList<double>, double> reduce)
    {
        var reduced = dims.Select(d => (int)((d + Shape.Length) % Shape.Length)).ToHashSet();
        var groups = new SortedDictionary<long, List<double>>();
        for (var i = 0; i < X.Length; i++)
        {
            var (rest, key, stride) = ((long)i, 0L, 1L);
            var index = new long[Shape.Length];
            for (var d = Shape.Length - 1; d >= 0; d--)
            {
                index[d] = rest % Shape[d];
                rest /= Shape[d];
            }

            for (var d = Shape.Length - 1; d >= 0; d--)
            {
                if (!reduced.Contains(d))
                {
                    key += index[d] * stride;
                    stride *= Shape[d];
                }
            }

            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add(X[i]);
        }

        return groups.Values.Select(reduce).ToArray();
    }
}
