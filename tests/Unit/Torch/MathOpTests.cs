using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class MathOpTests
{
    private static readonly double[] A = [0.5, -1.25, 2, 3.75, -0.125, 1];
    private static readonly double[] B = [2, -0.5, 4];

    private static readonly Dictionary<string, (Func<Tensor, Tensor> Op, Func<double, double> Reference)> Unary = new()
    {
        ["exp"] = (t => t.Exp(), Math.Exp),
        ["sqrt"] = (t => t.Sqrt(), Math.Sqrt),
        ["log"] = (t => t.Log(), Math.Log),
        ["log1p"] = (t => t.Log1p(), x => Math.Log(1 + x)),
        ["abs"] = (t => t.Abs(), Math.Abs),
        ["neg"] = (t => -t, x => -x),
        ["square"] = (t => t.Square(), x => x * x),
        ["reciprocal"] = (t => t.Reciprocal(), x => 1 / x),
        ["floor"] = (t => t.Floor(), Math.Floor),
        ["ceil"] = (t => t.Ceil(), Math.Ceiling),
        ["sign"] = (t => t.Sign(), x => Math.Sign(x)),
        ["sin"] = (t => t.Sin(), Math.Sin),
        ["cos"] = (t => t.Cos(), Math.Cos),
        ["relu"] = (t => t.Relu(), x => Math.Max(x, 0)),
        ["sigmoid"] = (t => t.Sigmoid(), x => 1 / (1 + Math.Exp(-x))),
        ["tanh"] = (t => t.Tanh(), Math.Tanh),
        ["pow 3"] = (t => t.Pow(3), x => x * x * x),
        ["pow 0.5"] = (t => t.Pow(0.5), Math.Sqrt),
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
        using var scope = Engine.NewDisposeScope();
        var (op, reference) = Unary[name];
        // Positive inputs where the function needs them (logarithms, roots).
        var needsPositive = name is "sqrt" or "log" or "log1p" or "pow 0.5";
        var values = needsPositive ? A.Select(Math.Abs).ToArray() : A;
        op(TestData.Tensor(values, [2, 3])).ShouldBeClose(values.Select(reference).ToArray(), 1e-15, name);
        op(TestData.Tensor(values, [2, 3], DType.Float32)).ShouldBeClose(values.Select(reference).ToArray(), 1e-6, name + " (float32)");
    }

    [Fact]
    public void Round_takes_halves_to_the_even_neighbour_as_torch_round()
    {
        using var scope = Engine.NewDisposeScope();
        double[] values = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 2.4, 2.6, -2.6];
        var rounded = TestData.Tensor(values, [values.Length]).Round().ToArray<double>();
        rounded.Should().Equal(values.Select(v => Math.Round(v, MidpointRounding.ToEven)));
        rounded.Should().Equal(-2, -2, -0, 0, 2, 2, 4, 2, 3, -3);
    }

    [Fact]
    public void Tensor_operators_broadcast_a_row_over_a_matrix()
    {
        using var scope = Engine.NewDisposeScope();
        var a = TestData.Tensor(A, [2, 3]);
        var b = TestData.Tensor(B, [3]);
        double[] Each(Func<double, double, double> f) => A.Select((x, i) => f(x, B[i % 3])).ToArray();
        (a + b).ShouldBeClose(Each((x, y) => x + y), 0, "a + b");
        (a - b).ShouldBeClose(Each((x, y) => x - y), 0, "a - b");
        (a * b).ShouldBeClose(Each((x, y) => x * y), 0, "a * b");
        (a / b).ShouldBeClose(Each((x, y) => x / y), 0, "a / b");
        (a + b).Shape.Should().Equal(2, 3);
        a.Maximum(b).ShouldBeClose(Each(Math.Max), 0, "maximum");
        a.Minimum(b).ShouldBeClose(Each(Math.Min), 0, "minimum");
        a.Atan2(b).ShouldBeClose(Each(Math.Atan2), 1e-15, "atan2");
        TestData.Tensor(A.Select(Math.Abs).ToArray(), [2, 3]).Pow(b).ShouldBeClose(Each((x, y) => Math.Pow(Math.Abs(x), y)), 1e-15, "pow");
    }

    [Fact]
    public void Scalar_operators_work_on_either_side()
    {
        using var scope = Engine.NewDisposeScope();
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
        using var scope = Engine.NewDisposeScope();
        var x = TestData.Tensor([-7, -3, 3, 7, 7.5], [5]);
        x.Remainder(2).ToArray<double>().Should().Equal(1, 1, 1, 1, 1.5);
        x.Remainder(-2).ToArray<double>().Should().Equal(-1, -1, -1, -1, -0.5);
        x.FloorDivide(2).ToArray<double>().Should().Equal(-4, -2, 1, 3, 3);

        var integers = Tensor.From(new long[] { -7, 5, 12 });
        var remainder = integers.RemainderInteger(5);
        remainder.DType.Should().Be(DType.Int64);
        remainder.ToArray<long>().Should().Equal(3, 0, 2);
    }

    [Fact]
    public void AddInteger_keeps_uint8_and_wraps_around_at_256()
    {
        using var scope = Engine.NewDisposeScope();
        var bytes = Tensor.From(new byte[] { 250, 0, 100 });
        var sum = bytes.AddInteger(10);
        sum.DType.Should().Be(DType.UInt8);
        sum.ToArray<byte>().Should().Equal(4, 10, 110);
        Tensor.From(new long[] { 1, -1 }).AddInteger(-3).ToArray<long>().Should().Equal(-2, -4);
    }

    [Fact]
    public void Clamp_bounds_below_above_or_both()
    {
        using var scope = Engine.NewDisposeScope();
        var x = TestData.Tensor(A, [6]);
        x.Clamp(min: 0).ShouldBeClose(A.Select(v => Math.Max(v, 0)).ToArray(), 0, "clamp min");
        x.Clamp(max: 1).ShouldBeClose(A.Select(v => Math.Min(v, 1)).ToArray(), 0, "clamp max");
        x.Clamp(-1, 1).ShouldBeClose(A.Select(v => Math.Clamp(v, -1, 1)).ToArray(), 0, "clamp both");
    }

    [Fact]
    public void Comparisons_give_bool_tensors()
    {
        using var scope = Engine.NewDisposeScope();
        var a = Tensor.From(new double[] { 1, 2, 3 });
        var b = Tensor.From(new double[] { 3, 2, 1 });
        var lt = a.Lt(b);
        lt.DType.Should().Be(DType.Bool);
        lt.ToArray<bool>().Should().Equal(true, false, false);
        a.Le(b).ToArray<bool>().Should().Equal(true, true, false);
        a.Gt(b).ToArray<bool>().Should().Equal(false, false, true);
        a.Ge(b).ToArray<bool>().Should().Equal(false, true, true);
        a.Eq(b).ToArray<bool>().Should().Equal(false, true, false);
        a.Ne(b).ToArray<bool>().Should().Equal(true, false, true);
        a.Lt(2).ToArray<bool>().Should().Equal(true, false, false);
        a.Le(2).ToArray<bool>().Should().Equal(true, true, false);
        a.Gt(2).ToArray<bool>().Should().Equal(false, false, true);
        a.Ge(2).ToArray<bool>().Should().Equal(false, true, true);
        a.Eq(2).ToArray<bool>().Should().Equal(false, true, false);
        a.Ne(2).ToArray<bool>().Should().Equal(true, false, true);
    }

    [Fact]
    public void Logical_operators_combine_bool_tensors()
    {
        using var scope = Engine.NewDisposeScope();
        var p = Tensor.From(new[] { true, true, false, false });
        var q = Tensor.From(new[] { true, false, true, false });
        p.LogicalAnd(q).ToArray<bool>().Should().Equal(true, false, false, false);
        p.LogicalOr(q).ToArray<bool>().Should().Equal(true, true, true, false);
        p.LogicalNot().ToArray<bool>().Should().Equal(false, false, true, true);
    }

    [Fact]
    public void IsNan_and_IsFinite_classify_special_values()
    {
        using var scope = Engine.NewDisposeScope();
        var x = Tensor.From(new[] { 1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity });
        x.IsNan().ToArray<bool>().Should().Equal(false, true, false, false);
        x.IsFinite().ToArray<bool>().Should().Equal(true, false, false, false);
    }

    [Fact]
    public void Where_picks_elementwise_by_the_condition_and_broadcasts()
    {
        using var scope = Engine.NewDisposeScope();
        var condition = Tensor.From(new[] { true, false, true, false, false, true }, 2, 3);
        var a = TestData.Tensor(A, [2, 3]);
        var zero = Tensor.Scalar(0, DType.Float64);
        Tensor.Where(condition, a, zero).ToArray<double>().Should().Equal(0.5, 0, 2, 0, 0, 1);
        Tensor.Where(a.Gt(1), a, -a).ToArray<double>().Should().Equal(A.Select(v => v > 1 ? v : -v));
    }

    [Fact]
    public void MatMul_matches_the_triple_loop()
    {
        using var scope = Engine.NewDisposeScope();
        var a = TestData.Uniform(1, 3 * 4);
        var b = TestData.Uniform(2, 4 * 5);
        var expected = NaiveLinalg.MatMul(a, b, 3, 4, 5);
        var product = TestData.Tensor(a, [3, 4]).MatMul(TestData.Tensor(b, [4, 5]));
        product.Shape.Should().Equal(3, 5);
        product.ShouldBeClose(expected, 1e-14, "matmul float64");
        TestData.Tensor(a, [3, 4], DType.Float32).MatMul(TestData.Tensor(b, [4, 5], DType.Float32))
            .ShouldBeClose(expected, 1e-5, "matmul float32");
    }

    [Fact]
    public void MatMul_broadcasts_a_matrix_over_a_batch()
    {
        using var scope = Engine.NewDisposeScope();
        var a = TestData.Uniform(3, 2 * 3 * 4);
        var b = TestData.Uniform(4, 4 * 2);
        var product = TestData.Tensor(a, [2, 3, 4]).MatMul(TestData.Tensor(b, [4, 2]));
        product.Shape.Should().Equal(2, 3, 2);
        var expected = NaiveLinalg.MatMul(a[..12], b, 3, 4, 2).Concat(NaiveLinalg.MatMul(a[12..], b, 3, 4, 2)).ToArray();
        product.ShouldBeClose(expected, 1e-14, "batched matmul");
    }

    [Fact]
    public void Dtype_conversion_truncates_towards_zero_and_keeps_values_that_fit()
    {
        using var scope = Engine.NewDisposeScope();
        var x = Tensor.From(new[] { 2.7, -2.7, 0, 255 });
        x.To(DType.Int64).ToArray<long>().Should().Equal(2, -2, 0, 255);
        x.To(DType.Float32).ToArray<float>().Should().Equal(2.7f, -2.7f, 0, 255);
        x.To(DType.Bool).ToArray<bool>().Should().Equal(true, true, false, true);
        Tensor.From(new byte[] { 0, 200 }).To(DType.Float64).ToArray<double>().Should().Equal(0, 200);
        Tensor.From(new[] { true, false }).To(DType.Float32).ToArray<float>().Should().Equal(1, 0);
    }

    [Fact]
    public void Device_conversion_to_the_cpu_keeps_values_and_dtype()
    {
        using var scope = Engine.NewDisposeScope();
        var x = Tensor.From(new[] { 1.5f, 2.5f });
        var moved = x.To(Device.Cpu);
        moved.Device.Should().Be(Device.Cpu);
        moved.ToArray<float>().Should().Equal(1.5f, 2.5f);
        var both = x.To(DType.Float64, Device.Cpu);
        both.DType.Should().Be(DType.Float64);
        both.ToArray<double>().Should().Equal(1.5, 2.5);
    }

    [Fact]
    public void ToArray_with_the_wrong_element_type_says_what_the_tensor_holds()
    {
        using var scope = Engine.NewDisposeScope();
        var x = Tensor.Zeros([2]);
        var act = () => x.ToArray<double>();
        act.Should().Throw<InvalidOperationException>().WithMessage("*holds Float32, not Float64*");
    }

    [Fact]
    public void Item_reads_a_one_element_tensor_of_any_dtype()
    {
        using var scope = Engine.NewDisposeScope();
        Tensor.From(new long[] { 42 }).Item().Should().Be(42);
        Tensor.From(new[] { true }).Item().Should().Be(1);
        Tensor.Scalar(-0.25).Item().Should().Be(-0.25);
    }

    [Fact]
    public void In_place_updates_change_the_tensor_itself()
    {
        using var scope = Engine.NewDisposeScope();
        var x = Tensor.From(new[] { 1.0, 2, 3 });
        var a = Tensor.From(new[] { 2.0, 4, 8 });
        var b = Tensor.From(new[] { 1.0, 2, 4 });
        x.AddInPlace(a, alpha: 0.5).Should().BeSameAs(x);
        x.ToArray<double>().Should().Equal(2, 4, 7);
        x.MulInPlace(b).ToArray<double>().Should().Equal(2, 8, 28);
        x.AddInPlace(1).ToArray<double>().Should().Equal(3, 9, 29);
        x.MulInPlace(2).ToArray<double>().Should().Equal(6, 18, 58);
        x.AddcmulInPlace(a, b, 0.5).ToArray<double>().Should().Equal(7, 22, 74);
        x.AddcdivInPlace(a, b, -1).ToArray<double>().Should().Equal(5, 20, 72);
        x.CopyFrom(b).ToArray<double>().Should().Equal(1, 2, 4);
        x.FillInPlace(-1).ToArray<double>().Should().Equal(-1, -1, -1);
    }

    [Fact]
    public void Uniform_and_normal_fills_follow_their_parameters_and_generator()
    {
        using var scope = Engine.NewDisposeScope();
        using var generator = new Generator(21);
        var uniform = Tensor.Zeros([10000], DType.Float64).UniformInPlace(-3, 5, generator).ToArray<double>();
        uniform.Should().OnlyContain(v => v >= -3 && v < 5);
        uniform.Average().Should().BeApproximately(1, 0.1, "U(−3, 5) has mean 1 and the mean of 10⁴ draws standard error 0.023");

        var normal = Tensor.Zeros([10000], DType.Float64).NormalInPlace(10, 0.5, generator).ToArray<double>();
        normal.Average().Should().BeApproximately(10, 0.025);
        Math.Sqrt(normal.Select(v => (v - 10) * (v - 10)).Average()).Should().BeApproximately(0.5, 0.02);

        using var replay = new Generator(21);
        Tensor.Zeros([10000], DType.Float64).UniformInPlace(-3, 5, replay).ToArray<double>().Should().Equal(uniform);
    }
}
