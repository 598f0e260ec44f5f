using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

/// <summary>
/// torch.nn's default initialisation draws weights and biases from U(±1/√fan_in), fan_in being
/// size(1)·k·k of the weight. A big layer's extreme weight comes close to the bound, so a bound
/// that is too small or too large by the wrong fan-in shows up as a failure.
/// </summary>
// Process-wide: one test reseeds the global generator.
[Collection(ProcessWide.Name)]
public class InitTests
{
    [Fact]
    public void Linear_weights_and_biases_fill_plus_minus_one_over_root_in_features()
    {
        using var generator = new Generator(1);
        using var linear = Layers.Linear(200, 100, generator, CPU);
        ShouldFill(linear.weight!, 1 / Math.Sqrt(200), "Linear weight");
        ShouldFill(linear.bias!, 1 / Math.Sqrt(200), "Linear bias");
    }

    [Fact]
    public void Conv2d_weights_and_biases_use_in_channels_times_kernel_area()
    {
        using var generator = new Generator(2);
        using var conv = Layers.Conv2d(8, 64, 3, stride: 1, padding: 0, generator, CPU);
        conv.weight!.shape.Should().Equal([64L, 8, 3, 3], "Conv2d weights are (out, in, k, k)");
        ShouldFill(conv.weight!, 1 / Math.Sqrt(8 * 9), "Conv2d weight");
        ShouldFill(conv.bias!, 1 / Math.Sqrt(8 * 9), "Conv2d bias");
    }

    [Fact]
    public void ConvTranspose2d_uses_dimension_1_of_its_weight_out_channels_for_the_fan_in()
    {
        using var generator = new Generator(3);
        using var deconv = Layers.ConvTranspose2d(16, 64, 4, stride: 1, padding: 0, generator, CPU);
        deconv.weight!.shape.Should().Equal([16L, 64, 4, 4], "ConvTranspose2d weights are (in, out, k, k)");
        // fan_in = 64·16 = 1024, not 16·16: the bound is 1/32 rather than 1/16.
        ShouldFill(deconv.weight!, 1 / Math.Sqrt(64 * 16), "ConvTranspose2d weight");
        ShouldFill(deconv.bias!, 1 / Math.Sqrt(64 * 16), "ConvTranspose2d bias");
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
        using var g3 = new Generator(6);
        using var a = Layers.Conv2d(3, 4, 3, stride: 1, padding: 0, g1, CPU);
        using var b = Layers.Conv2d(3, 4, 3, stride: 1, padding: 0, g2, CPU);
        using var c = Layers.Conv2d(3, 4, 3, stride: 1, padding: 0, g3, CPU);
        b.weight!.ToArray<float>().Should().Equal(a.weight!.ToArray<float>(), "the weights are a function of the seed alone");
        b.bias!.ToArray<float>().Should().Equal(a.bias!.ToArray<float>(), "so are the biases");
        c.weight!.ToArray<float>().Should().NotEqual(a.weight!.ToArray<float>(), "another seed gives other weights");
    }

    [Fact]
    public void The_global_generator_does_not_change_a_seeded_layer()
    {
        using var g1 = new Generator(8);
        using var g2 = new Generator(8);
        manual_seed(1);
        using var a = Layers.Linear(6, 5, g1, CPU);
        manual_seed(2);
        using var b = Layers.Linear(6, 5, g2, CPU);
        b.weight!.ToArray<float>().Should().Equal(a.weight!.ToArray<float>(), "TorchSharp's own draw from the global generator is overwritten");
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
