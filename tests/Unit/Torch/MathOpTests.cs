using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class MathOpTests
{
    private static readonly double[] A = [0.5, -1.25, 2, 3.75, -0.125, 1];
    private static readonly double[] B = [2, -0.5, 4];

    private static readonly Dictionary<string, (Func<Tensor, Tensor> Op, Func<double, double> Reference)> Unary = new()
    {
        ["exp"] = (t => t.exp(), Math.Exp),
        ["sqrt"] = (t => t.sqrt(), Math.Sqrt),
        ["log"] = (t => t.log(), Math.Log),
        ["log1p"] = (t => t.log1p(), x => Math.Log(1 + x)),
        ["abs"] = (t => t.abs(), Math.Abs),
        ["neg"] = (t => -t, x => -x),
        ["square"] = (t => t.square(), x => x * x),
        ["reciprocal"] = (t => t.reciprocal(), x => 1 / x),
        ["floor"] = (t => t.floor(), Math.Floor),
        ["ceil"] = (t => t.ceil(), Math.Ceiling),
        ["sign"] = (t => t.sign(), x => Math.Sign(x)),
        ["sin"] = (t => t.sin(), Math.Sin),
        ["cos"] = (t => t.cos(), Math.Cos),
        ["relu"] = (t => t.relu(), x => Math.Max(x, 0)),
        ["sigmoid"] = (t => t.sigmoid(), x => 1 / (1 + Math.Exp(-x))),
        ["tanh"] = (t => t.tanh(), Math.Tanh),
        ["pow 3"] = (t => t.pow(3), x => x * x * x),
        ["pow 0.5"] = (t => t.pow(0.5), Math.Sqrt),
    };

    [Theory]
    [InlineData("exp")]
    [InlineData("sqrt")]
    [InlineData("log")]
    [InlineData("log1p")]
    [InlineData("abs")]
    [InlineData("neg")]
    [InlineData("square")]
    [InlineData("reciprocal")]
    [InlineData("floor")]
    [InlineData("ceil")]
    [InlineData("sign")]
    [InlineData("sin")]
    [InlineData("cos")]
    [InlineData("relu")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("pow 3")]
    [InlineData("pow 0.5")]
    public void Elementwise_function_matches_System_Math(string name)
    {
        using var scope = NewDisposeScope();
        var (op, reference) = Unary[name];
        // Positive inputs where the function needs them (logarithms, roots).
        var needsPositive = name is "sqrt" or "log" or "log1p" or "pow 0.5";
        var values = needsPositive ? A.Select(Math.Abs).ToArray() : A;
        op(TestData.Tensor(values, [2, 3])).ShouldBeClose(values.Select(reference).ToArray(), 1e-15, name);
        op(TestData.Tensor(values, [2, 3], ScalarType.Float32)).ShouldBeClose(values.Select(reference).ToArray(), 1e-6, name + " (float32)");
    }

    [Fact]
    public void Round_takes_halves_to_the_even_neighbour_as_torch_round()
    {
        using var scope = NewDisposeScope();
        double[] values = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 2.4, 2.6, -2.6];
        var rounded = TestData.Tensor(values, [values.Length]).round().ToArray<double>();
        rounded.Should().Equal(values.Select(v => Math.Round(v, MidpointRounding.ToEven)));
        rounded.Should().Equal(-2, -2, -0, 0, 2, 2, 4, 2, 3, -3);
    }

    [Fact]
    public void Tensor_operators_broadcast_a_row_over_a_matrix()
    {
        using var scope = NewDisposeScope();
        var a = TestData.Tensor(A, [2, 3]);
        var b = TestData.Tensor(B, [3]);
        double[] Each(Func<double, double, double> f) => A.Select((x, i) => f(x, B[i % 3])).ToArray();
        (a + b).ShouldBeClose(Each((x, y) => x + y), 0, "a + b");
        (a - b).ShouldBeClose(Each((x, y) => x - y), 0, "a - b");
        (a * b).ShouldBeClose(Each((x, y) => x * y), 0, "a * b");
        (a / b).ShouldBeClose(Each((x, y) => x / y), 0, "a / b");
        (a + b).shape.Should().Equal(2, 3);
        a.maximum(b).ShouldBeClose(Each(Math.Max), 0, "maximum");
        a.minimum(b).ShouldBeClose(Each(Math.Min), 0, "minimum");
        a.atan2(b).ShouldBeClose(Each(Math.Atan2), 1e-15, "atan2");
        TestData.Tensor(A.Select(Math.Abs).ToArray(), [2, 3]).pow(b).ShouldBeClose(Each((x, y) => Math.Pow(Math.Abs(x), y)), 1e-15, "pow");
    }

    [Fact]
    public void Scalar_operators_work_on_either_side()
    {
        using var scope = NewDisposeScope();
        var a = TestData.Tensor(A, [6]);
        double[] Each(Func<double, double> f) => A.Select(f).ToArray();
        (a + 3).ShouldBeClose(Each(x => x + 3), 0, "a + 3");
        (3 + a).ShouldBeClose(Each(x => 3 + x), 0, "3 + a");
        (a - 3).ShouldBeClose(Each(x => x - 3), 0, "a - 3");
        (3 - a).ShouldBeClose(Each(x => 3 - x), 0, "3 - a");
        (a * 3).ShouldBeClose(Each(x => x * 3), 0, "a * 3");
        (3 * a).ShouldBeClose(Each(x => 3 * x), 0, "3 * a");
        (a / 4).ShouldBeClose(Each(x => x / 4), 0, "a / 4");
        (3 / a).ShouldBeClose(Each(x => 3 / x), 1e-15, "3 / a");
    }

    [Fact]
    public void Remainder_and_floor_divide_round_towards_minus_infinity_as_python()
    {
        using var scope = NewDisposeScope();
        var x = TestData.Tensor([-7, -3, 3, 7, 7.5], [5]);
        x.remainder(2).ToArray<double>().Should().Equal(1, 1, 1, 1, 1.5);
        x.remainder(-2).ToArray<double>().Should().Equal(-1, -1, -1, -1, -0.5);
        x.floor_divide(2).ToArray<double>().Should().Equal(-4, -2, 1, 3, 3);

        var integers = tensor(new long[] { -7, 5, 12 });
        var remainder = integers.remainder(5);
        remainder.dtype.Should().Be(ScalarType.Int64);
        remainder.ToArray<long>().Should().Equal(3, 0, 2);
    }

    [Fact]
    public void Adding_an_integer_keeps_uint8_and_wraps_around_at_256()
    {
        using var scope = NewDisposeScope();
        var bytes = tensor(new byte[] { 250, 0, 100 });
        var sum = bytes.add(10);
        sum.dtype.Should().Be(ScalarType.Byte);
        sum.ToArray<byte>().Should().Equal(4, 10, 110);
        tensor(new long[] { 1, -1 }).add(-3).ToArray<long>().Should().Equal([-2L, -4], "an int64 tensor stays int64");
    }

    [Fact]
    public void Clamp_bounds_below_above_or_both()
    {
        using var scope = NewDisposeScope();
        var x = TestData.Tensor(A, [6]);
        x.clamp(min: 0).ShouldBeClose(A.Select(v => Math.Max(v, 0)).ToArray(), 0, "clamp min");
        x.clamp(max: 1).ShouldBeClose(A.Select(v => Math.Min(v, 1)).ToArray(), 0, "clamp max");
        x.clamp(-1, 1).ShouldBeClose(A.Select(v => Math.Clamp(v, -1, 1)).ToArray(), 0, "clamp both");
    }

    [Fact]
    public void Comparisons_give_bool_tensors()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 1, 2, 3 });
        var b = tensor(new double[] { 3, 2, 1 });
        var lt = a.lt(b);
        lt.dtype.Should().Be(ScalarType.Bool);
        lt.ToArray<bool>().Should().Equal(true, false, false);
        a.le(b).ToArray<bool>().Should().Equal(true, true, false);
        a.gt(b).ToArray<bool>().Should().Equal(false, false, true);
        a.ge(b).ToArray<bool>().Should().Equal(false, true, true);
        a.eq(b).ToArray<bool>().Should().Equal(false, true, false);
        a.ne(b).ToArray<bool>().Should().Equal(true, false, true);
        a.lt(2).ToArray<bool>().Should().Equal(true, false, false);
        a.le(2).ToArray<bool>().Should().Equal(true, true, false);
        a.gt(2).ToArray<bool>().Should().Equal(false, false, true);
        a.ge(2).ToArray<bool>().Should().Equal(false, true, true);
        a.eq(2).ToArray<bool>().Should().Equal(false, true, false);
        a.ne(2).ToArray<bool>().Should().Equal(true, false, true);
    }

    [Fact]
    public void Logical_operators_combine_bool_tensors()
    {
        using var scope = NewDisposeScope();
        var p = tensor(new[] { true, true, false, false });
        var q = tensor(new[] { true, false, true, false });
        p.logical_and(q).ToArray<bool>().Should().Equal(true, false, false, false);
        p.logical_or(q).ToArray<bool>().Should().Equal(true, true, true, false);
        p.logical_not().ToArray<bool>().Should().Equal(false, false, true, true);
    }

    [Fact]
    public void IsNan_and_IsFinite_classify_special_values()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity });
        x.isnan().ToArray<bool>().Should().Equal(false, true, false, false);
        x.isfinite().ToArray<bool>().Should().Equal(true, false, false, false);
    }

    [Fact]
    public void Where_picks_elementwise_by_the_condition_and_broadcasts()
    {
        using var scope = NewDisposeScope();
        var condition = tensor(new[] { true, false, true, false, false, true }, new long[] { 2, 3 });
        var a = TestData.Tensor(A, [2, 3]);
        var zero = tensor((double)(0), dtype: ScalarType.Float64);
        where(condition, a, zero).ToArray<double>().Should().Equal(0.5, 0, 2, 0, 0, 1);
        where(a.gt(1), a, -a).ToArray<double>().Should().Equal(A.Select(v => v > 1 ? v : -v));
    }

    [Fact]
    public void MatMul_matches_the_triple_loop()
    {
        using var scope = NewDisposeScope();
        var a = TestData.Uniform(1, 3 * 4);
        var b = TestData.Uniform(2, 4 * 5);
        var expected = NaiveLinalg.MatMul(a, b, 3, 4, 5);
        var product = TestData.Tensor(a, [3, 4]).matmul(TestData.Tensor(b, [4, 5]));
        product.shape.Should().Equal(3, 5);
        product.ShouldBeClose(expected, 1e-14, "matmul float64");
        TestData.Tensor(a, [3, 4], ScalarType.Float32).matmul(TestData.Tensor(b, [4, 5], ScalarType.Float32))
            .ShouldBeClose(expected, 1e-5, "matmul float32");
    }

    [Fact]
    public void MatMul_broadcasts_a_matrix_over_a_batch()
    {
        using var scope = NewDisposeScope();
        var a = TestData.Uniform(3, 2 * 3 * 4);
        var b = TestData.Uniform(4, 4 * 2);
        var product = TestData.Tensor(a, [2, 3, 4]).matmul(TestData.Tensor(b, [4, 2]));
        product.shape.Should().Equal(2, 3, 2);
        var expected = NaiveLinalg.MatMul(a[..12], b, 3, 4, 2).Concat(NaiveLinalg.MatMul(a[12..], b, 3, 4, 2)).ToArray();
        product.ShouldBeClose(expected, 1e-14, "batched matmul");
    }

    [Fact]
    public void Dtype_conversion_truncates_towards_zero_and_keeps_values_that_fit()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 2.7, -2.7, 0, 255 });
        x.to(ScalarType.Int64).ToArray<long>().Should().Equal(2, -2, 0, 255);
        x.to(ScalarType.Float32).ToArray<float>().Should().Equal(2.7f, -2.7f, 0, 255);
        x.to(ScalarType.Bool).ToArray<bool>().Should().Equal(true, true, false, true);
        tensor(new byte[] { 0, 200 }).to(ScalarType.Float64).ToArray<double>().Should().Equal(0, 200);
        tensor(new[] { true, false }).to(ScalarType.Float32).ToArray<float>().Should().Equal(1, 0);
    }

    [Fact]
    public void Device_conversion_to_the_cpu_keeps_values_and_dtype()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.5f, 2.5f });
        var moved = x.to(CPU);
        moved.device_type.Should().Be(DeviceType.CPU, "the tensor was moved to the cpu");
        moved.ToArray<float>().Should().Equal(1.5f, 2.5f);
        var both = x.to(ScalarType.Float64, CPU);
        both.dtype.Should().Be(ScalarType.Float64);
        both.ToArray<double>().Should().Equal(1.5, 2.5);
    }

    [Fact]
    public void ToArray_with_the_wrong_element_type_says_what_the_tensor_holds()
    {
        using var scope = NewDisposeScope();
        var x = zeros([2]);
        var act = () => x.ToArray<double>();
        act.Should().Throw<InvalidOperationException>().WithMessage("*holds Float32, not Float64*");
    }

    [Fact]
    public void Item_reads_a_one_element_tensor_of_any_dtype()
    {
        using var scope = NewDisposeScope();
        tensor(new long[] { 42 }).ToDouble().Should().Be(42);
        tensor(new[] { true }).ToDouble().Should().Be(1);
        tensor((double)(-0.25), dtype: ScalarType.Float32).ToDouble().Should().Be(-0.25);
    }

    [Fact]
    public void In_place_updates_change_the_tensor_itself()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, 2, 3 });
        var a = tensor(new[] { 2.0, 4, 8 });
        var b = tensor(new[] { 1.0, 2, 4 });
        x.add_(a, alpha: 0.5).Should().BeSameAs(x);
        x.ToArray<double>().Should().Equal(2, 4, 7);
        x.mul_(b).ToArray<double>().Should().Equal(2, 8, 28);
        x.add_(1).ToArray<double>().Should().Equal(3, 9, 29);
        x.mul_(2).ToArray<double>().Should().Equal(6, 18, 58);
        x.addcmul_(a, b, 0.5).ToArray<double>().Should().Equal(7, 22, 74);
        x.addcdiv_(a, b, -1).ToArray<double>().Should().Equal(5, 20, 72);
        x.copy_(b).ToArray<double>().Should().Equal(1, 2, 4);
        x.fill_(-1).ToArray<double>().Should().Equal(-1, -1, -1);
    }

    [Fact]
    public void Uniform_and_normal_fills_follow_their_parameters_and_generator()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(21);
        var uniform = zeros([10000], ScalarType.Float64).uniform_(-3, 5, generator).ToArray<double>();
        uniform.Should().OnlyContain(v => v >= -3 && v < 5);
        uniform.Average().Should().BeApproximately(1, 0.1, "U(−3, 5) has mean 1 and the mean of 10⁴ draws standard error 0.023");

        var normal = zeros([10000], ScalarType.Float64).normal_(10, 0.5, generator).ToArray<double>();
        normal.Average().Should().BeApproximately(10, 0.025);
        Math.Sqrt(normal.Select(v => (v - 10) * (v - 10)).Average()).Should().BeApproximately(0.5, 0.02);

        using var replay = new Generator(21);
        zeros([10000], ScalarType.Float64).uniform_(-3, 5, replay).ToArray<double>().Should().Equal(uniform);
    }
}
