using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

/// <summary>
/// torch.nn's default initialisation draws weights and biases from U(±1/√fan_in), fan_in being
/// size(1)·k·k of the weight. A big layer's extreme weight comes close to the bound, so a bound
/// that is too small or too large by the wrong fan-in shows up as a failure.
/// </summary>
public class InitTests
{
    [Fact]
    public void Linear_weights_and_biases_fill_plus_minus_one_over_root_in_features()
    {
        using var generator = new Generator(1);
        using var linear = new Linear(200, 100, generator);
        ShouldFill(linear.Weight, 1 / Math.Sqrt(200), "Linear weight");
        ShouldFill(linear.Bias, 1 / Math.Sqrt(200), "Linear bias");
    }

    [Fact]
    public void Conv2d_weights_and_biases_use_in_channels_times_kernel_area()
    {
        using var generator = new Generator(2);
        using var conv = new Conv2d(8, 64, 3, generator: generator);
        conv.Weight.Shape.Should().Equal(64, 8, 3, 3);
        ShouldFill(conv.Weight, 1 / Math.Sqrt(8 * 9), "Conv2d weight");
        ShouldFill(conv.Bias, 1 / Math.Sqrt(8 * 9), "Conv2d bias");
    }

    [Fact]
    public void ConvTranspose2d_uses_dimension_1_of_its_weight_out_channels_for_the_fan_in()
    {
        using var generator = new Generator(3);
        using var deconv = new ConvTranspose2d(16, 64, 4, generator: generator);
        deconv.Weight.Shape.Should().Equal(16, 64, 4, 4);
        // fan_in = 64·16 = 1024, not 16·16: the bound is 1/32 rather than 1/16.
        ShouldFill(deconv.Weight, 1 / Math.Sqrt(64 * 16), "ConvTranspose2d weight");
        ShouldFill(deconv.Bias, 1 / Math.Sqrt(64 * 16), "ConvTranspose2d bias");
    }

    [Fact]
    public void XavierUniform_fills_gain_times_root_6_over_fan_in_plus_fan_out()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(4);
        var weight = Init.XavierUniform(zeros([60, 40]), generator: generator);
        ShouldFill(weight, Math.Sqrt(6.0 / 100), "xavier_uniform");
        ShouldFill(Init.XavierUniform(zeros([60, 40]), gain: 2, generator: generator), 2 * Math.Sqrt(6.0 / 100), "xavier_uniform with gain 2");
    }

    [Fact]
    public void Fans_follow_pytorchs_rule()
    {
        Init.Fans([10, 20]).Should().Be((20L, 10L));
        Init.Fans([16, 8, 3, 3]).Should().Be((72L, 144L));
        var act = () => Init.Fans([5]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_same_generator_seed_gives_the_same_layer()
    {
        using var g1 = new Generator(5);
        using var g2 = new Generator(5);
        using var a = new Conv2d(3, 4, 3, generator: g1);
        using var b = new Conv2d(3, 4, 3, generator: g2);
        b.Weight.ToArray<float>().Should().Equal(a.Weight.ToArray<float>());
        b.Bias.ToArray<float>().Should().Equal(a.Bias.ToArray<float>());
    }

    private static void ShouldFill(Tensor tensor, double bound, string what)
    {
        using var asDouble = tensor.to(ScalarType.Float64);
        var values = asDouble.ToArray<double>();
        var largest = values.Max(Math.Abs);
        largest.Should().BeLessThanOrEqualTo(bound * (1 + 1e-6), "{0} must lie within ±{1}", what, bound);
        largest.Should().BeGreaterThan(0.9 * bound, "{0}: {1} draws from U(±{2}) reach beyond 90% of the bound", what, values.Length, bound);
        values.Count(v => v > 0).Should().BeInRange(values.Length / 5, values.Length * 4 / 5, "{0} is centred on zero", what);
    }
}
