using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class FactoryTests
{
    [Fact]
    public void From_float32_keeps_values_shape_and_dtype() =>
        RoundTrip(new float[] { 1.5f, -2.25f, float.MaxValue, float.Epsilon, 0, 7 }, ScalarType.Float32, (v, shape) => shape is null ? tensor(v) : tensor(v, shape));

    [Fact]
    public void From_float64_keeps_values_shape_and_dtype() =>
        RoundTrip(new[] { Math.PI, -1e300, double.Epsilon, 0, 1, 2 }, ScalarType.Float64, (v, shape) => shape is null ? tensor(v) : tensor(v, shape));

    [Fact]
    public void From_int64_keeps_values_shape_and_dtype() =>
        RoundTrip(new[] { long.MinValue, -1, 0, 1, (1L << 53) + 1, long.MaxValue }, ScalarType.Int64, (v, shape) => shape is null ? tensor(v) : tensor(v, shape));

    [Fact]
    public void From_uint8_keeps_values_shape_and_dtype() =>
        RoundTrip(new byte[] { 0, 1, 127, 128, 254, 255 }, ScalarType.Byte, (v, shape) => shape is null ? tensor(v) : tensor(v, shape));

    [Fact]
    public void From_bool_keeps_values_shape_and_dtype() =>
        RoundTrip(new[] { true, false, false, true, true, false }, ScalarType.Bool, (v, shape) => shape is null ? tensor(v) : tensor(v, shape));

    [Fact]
    public void From_int32_keeps_values_shape_and_dtype() =>
        RoundTrip(new[] { int.MinValue, -1, 0, 1, 2, int.MaxValue }, ScalarType.Int32, (v, shape) => shape is null ? tensor(v) : tensor(v, shape));

    [Fact]
    public void From_rejects_a_shape_that_does_not_hold_the_values()
    {
        var act = () => tensor(new float[] { 1, 2, 3 }, new long[] { 2, 2 });
        act.Should().Throw<ArgumentException>().WithMessage("*mismatched total size*4 vs. 3*", "TorchSharp names both sizes");
    }

    [Fact]
    public void Scalar_has_no_dimensions_and_one_value()
    {
        using var scope = NewDisposeScope();
        var s = tensor((double)(2.5), dtype: ScalarType.Float64);
        s.shape.Should().BeEmpty();
        s.NumberOfElements.Should().Be(1);
        s.ToDouble().Should().Be(2.5);
    }

    [Fact]
    public void Zeros_ones_and_full_fill_every_element_in_the_requested_dtype()
    {
        using var scope = NewDisposeScope();
        var allZero = zeros([2, 3], ScalarType.Int64);
        allZero.dtype.Should().Be(ScalarType.Int64, "the requested dtype is kept");
        allZero.ToArray<long>().Should().Equal(0, 0, 0, 0, 0, 0);

        var allOne = ones([3], ScalarType.Byte);
        allOne.ToArray<byte>().Should().Equal(1, 1, 1);

        var filled = full([2, 2], -0.75, ScalarType.Float64);
        filled.shape.Should().Equal(2, 2);
        filled.ToArray<double>().Should().Equal(-0.75, -0.75, -0.75, -0.75);

        full([2], 1, ScalarType.Bool).ToArray<bool>().Should().Equal(true, true);
    }

    [Fact]
    public void Arange_counts_from_start_up_to_but_excluding_end()
    {
        using var scope = NewDisposeScope();
        var integers = arange(0, 5);
        integers.dtype.Should().Be(ScalarType.Int64);
        integers.ToArray<long>().Should().Equal(0, 1, 2, 3, 4);

        arange(1, 2, 0.25, ScalarType.Float64).ToArray<double>().Should().Equal(1, 1.25, 1.5, 1.75);
        arange(5, 0, -2).ToArray<long>().Should().Equal(5, 3, 1);
    }

    [Fact]
    public void Eye_is_the_identity_matrix()
    {
        using var scope = NewDisposeScope();
        var identity = eye(3, dtype: ScalarType.Float64);
        identity.shape.Should().Equal(3, 3);
        identity.ToArray<double>().Should().Equal(NaiveLinalg.Identity(3), "eye is the identity matrix");
    }

    [Fact]
    public void Rand_is_uniform_in_the_half_open_unit_interval()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        var values = rand([100, 100], dtype: ScalarType.Float64, generator: generator).ToArray<double>();
        values.Should().OnlyContain(v => v >= 0 && v < 1);
        values.Average().Should().BeApproximately(0.5, 0.01, "the mean of 10⁴ U(0,1) draws has standard error 0.003");
        values.Count(v => v < 0.25).Should().BeInRange(2300, 2700, "a quarter of U(0,1) draws fall below 0.25");
    }

    [Fact]
    public void Randn_has_mean_zero_and_standard_deviation_one()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(12);
        var values = randn([100, 100], dtype: ScalarType.Float64, generator: generator).ToArray<double>();
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        mean.Should().BeApproximately(0, 0.04, "the mean of 10⁴ N(0,1) draws has standard error 0.01");
        std.Should().BeApproximately(1, 0.03);
        values.Count(v => Math.Abs(v) < 1).Should().BeInRange(6600, 7050, "68.3% of N(0,1) lies within one sigma");
    }

    [Fact]
    public void Generators_with_the_same_seed_give_the_same_stream_and_different_seeds_differ()
    {
        using var scope = NewDisposeScope();
        using var a = new Generator(42);
        using var b = new Generator(42);
        using var c = new Generator(43);
        var first = randn([64], generator: a).ToArray<float>();
        randn([64], generator: b).ToArray<float>().Should().Equal(first);
        randn([64], generator: c).ToArray<float>().Should().NotEqual(first);
        randn([64], generator: a).ToArray<float>().Should().NotEqual(first, "a generator advances as it is used");
        a.device.type.Should().Be(DeviceType.CPU, "a generator made without a device draws on the cpu");
    }

    [Fact]
    public void A_generator_state_restored_replays_the_same_draws()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        rand([10], generator: generator);
        var state = generator.get_state();
        state.dtype.Should().Be(ScalarType.Byte);
        var expected = rand([16], generator: generator).ToArray<float>();
        rand([16], generator: generator).ToArray<float>().Should().NotEqual(expected);

        generator.set_state(state);
        rand([16], generator: generator).ToArray<float>().Should().Equal(expected);
    }

    [Fact]
    public void RandInt_draws_every_integer_of_the_half_open_range_and_nothing_else()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var draws = randint(3, 7, [1000], generator: generator);
        draws.dtype.Should().Be(ScalarType.Int64);
        draws.ToArray<long>().Distinct().Order().Should().Equal(3, 4, 5, 6);
        randint(0, 2, [4, 5], dtype: ScalarType.Byte, generator: generator).ToArray<byte>().Should().OnlyContain(v => v <= 1);
    }

    [Fact]
    public void RandPerm_is_a_permutation_of_0_to_n_minus_1()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(9);
        var permutation = randperm(50, generator: generator).ToArray<long>();
        permutation.Order().Should().Equal(Enumerable.Range(0, 50).Select(i => (long)i));
        permutation.Should().NotBeInAscendingOrder("50! orderings make the identity practically impossible");
    }

    // make is torch.tensor(values) or torch.tensor(values, shape) for T's overload.
    private static void RoundTrip<T>(T[] values, ScalarType dtype, Func<T[], long[]?, Tensor> make)
        where T : unmanaged
    {
        using var scope = NewDisposeScope();
        var made = make(values, [2, 3]);
        made.dtype.Should().Be(dtype, "the dtype follows the element type");
        made.shape.Should().Equal(2, 3);
        made.Dimensions.Should().Be(2);
        made.NumberOfElements.Should().Be(6);
        made.device_type.Should().Be(DeviceType.CPU);
        made.ToArray<T>().Should().Equal(values, "the values survive the round trip");
        make(values, null).shape.Should().Equal([6L], "without a shape the tensor is one-dimensional");
    }
}
