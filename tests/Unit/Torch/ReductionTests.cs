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
        using var scope = Engine.NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        var sum = x.Sum();
        sum.Shape.Should().BeEmpty();
        sum.Item().Should().BeApproximately(X.Sum(), 1e-13);
        x.Mean().Item().Should().BeApproximately(X.Average(), 1e-14);
    }

    [Theory]
    [InlineData(new long[] { 0 })]
    [InlineData(new long[] { 1 })]
    [InlineData(new long[] { 2 })]
    [InlineData(new long[] { -1 })]
    [InlineData(new long[] { 0, 2 })]
    public void Reductions_over_dimensions_match_naive_grouping(long[] dims)
    {
        using var scope = Engine.NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        var what = $"over [{string.Join(",", dims)}]";
        x.Sum(dims).ShouldBeClose(NaiveReduce(dims, v => v.Sum()), 1e-14, "sum " + what);
        x.Mean(dims).ShouldBeClose(NaiveReduce(dims, v => v.Average()), 1e-14, "mean " + what);
        x.Max(dims).ShouldBeClose(NaiveReduce(dims, v => v.Max()), 0, "max " + what);
        x.Min(dims).ShouldBeClose(NaiveReduce(dims, v => v.Min()), 0, "min " + what);
        x.Std(dims).ShouldBeClose(NaiveReduce(dims, v => NaiveStd(v, unbiased: true)), 1e-14, "unbiased std " + what);
        x.Std(dims, unbiased: false).ShouldBeClose(NaiveReduce(dims, v => NaiveStd(v, unbiased: false)), 1e-14, "biased std " + what);
        x.Norm(2, dims).ShouldBeClose(NaiveReduce(dims, v => Math.Sqrt(v.Sum(e => e * e))), 1e-14, "2-norm " + what);
        x.Norm(1, dims).ShouldBeClose(NaiveReduce(dims, v => v.Sum(Math.Abs)), 1e-14, "1-norm " + what);
        var remaining = Shape.Where((_, d) => !dims.Select(k => (k + 3) % 3).Contains(d)).ToArray();
        x.Sum(dims).Shape.Should().Equal(remaining);
    }

    [Fact]
    public void Single_dimension_overloads_reduce_that_dimension_and_keepDim_keeps_it_as_one()
    {
        using var scope = Engine.NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        x.Sum(1).ShouldBeClose(NaiveReduce([1], v => v.Sum()), 1e-14, "sum(1)");
        x.Mean(2).ShouldBeClose(NaiveReduce([2], v => v.Average()), 1e-14, "mean(2)");
        x.Max(0).ShouldBeClose(NaiveReduce([0], v => v.Max()), 0, "max(0)");
        x.Min(1).ShouldBeClose(NaiveReduce([1], v => v.Min()), 0, "min(1)");
        x.Prod(2).ShouldBeClose(NaiveReduce([2], v => v.Aggregate(1.0, (p, e) => p * e)), 1e-14, "prod(2)");
        x.Sum(1, keepDim: true).Shape.Should().Equal(2, 1, 4);
        x.Mean([0, 2], keepDim: true).Shape.Should().Equal(1, 3, 1);
        x.Max(2, keepDim: true).Shape.Should().Equal(2, 3, 1);
        x.Min([0, 1], keepDim: true).Shape.Should().Equal(1, 1, 4);
        x.Std([1], keepDim: true).Shape.Should().Equal(2, 1, 4);
        x.Norm(2, [2], keepDim: true).Shape.Should().Equal(2, 3, 1);
    }

    [Fact]
    public void Max_and_min_over_everything_and_argmax()
    {
        using var scope = Engine.NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        x.Max().Item().Should().Be(X.Max());
        x.Min().Item().Should().Be(X.Min());
        var argmax = x.ArgMax();
        argmax.DType.Should().Be(DType.Int64);
        argmax.Item().Should().Be(Array.IndexOf(X, X.Max()), "argmax without a dim indexes the flattened tensor");
        x.ArgMax(2).ToArray<long>().Should().Equal(NaiveReduce([2], v => v.ToList().IndexOf(v.Max())).Select(i => (long)i));
        x.ArgMax(1, keepDim: true).Shape.Should().Equal(2, 1, 4);
    }

    [Fact]
    public void Std_over_everything_is_bessel_corrected_unless_asked_not_to_be()
    {
        using var scope = Engine.NewDisposeScope();
        var x = TestData.Tensor(X, Shape);
        x.Std().Item().Should().BeApproximately(NaiveStd(X, unbiased: true), 1e-14);
        x.Std(unbiased: false).Item().Should().BeApproximately(NaiveStd(X, unbiased: false), 1e-14);
        Tensor.From(new[] { 1.0, 3.0 }).Std().Item().Should().BeApproximately(Math.Sqrt(2), 1e-15, "hand value: deviations ±1, sum 2, n − 1 = 1");
    }

    [Fact]
    public void CumSum_runs_along_the_dimension()
    {
        using var scope = Engine.NewDisposeScope();
        Tensor.From(new long[] { 1, 2, 3, 4, 5, 6 }, 2, 3).CumSum(1).ToArray<long>().Should().Equal(1, 3, 6, 4, 9, 15);
        Tensor.From(new long[] { 1, 2, 3, 4, 5, 6 }, 2, 3).CumSum(0).ToArray<long>().Should().Equal(1, 2, 3, 5, 7, 9);
    }

    [Fact]
    public void Vector_norms_and_the_Frobenius_norm()
    {
        using var scope = Engine.NewDisposeScope();
        var v = Tensor.From(new[] { 3.0, -4.0 });
        v.Norm().Item().Should().BeApproximately(5, 1e-15);
        v.Norm(1).Item().Should().BeApproximately(7, 1e-15);
        v.Norm(double.PositiveInfinity).Item().Should().Be(4);

        var m = TestData.Tensor(X[..12], [3, 4]);
        var frobenius = Math.Sqrt(X[..12].Sum(e => e * e));
        m.Norm(2, [0, 1]).Item().Should().BeApproximately(frobenius, 1e-14);
        m.Norm().Item().Should().BeApproximately(frobenius, 1e-14, "the 2-norm of all elements is the Frobenius norm");
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
