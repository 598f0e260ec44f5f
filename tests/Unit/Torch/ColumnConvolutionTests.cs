using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

/// <summary>
/// LaVae's own convolution layers (the column forms, unfold/fold + matmul, and the transposed
/// convolution with its bias apart) against the naive loops and against libtorch's own
/// convolutions, values and gradients, in float64.
/// </summary>
public class ColumnConvolutionTests
{
    [Fact]
    public void ColumnConv2d_matches_the_naive_loop_and_libtorchs_conv2d_with_gradients()
    {
        using var scope = NewDisposeScope();
        using var layer = new ColumnConv2d(1, 5, 4, stride: 2, padding: 1, new Generator(3), CPU);
        layer.to(ScalarType.Float64);
        long[] inputShape = [3, 1, 10, 8];
        var input = TestData.Uniform(7, 3 * 10 * 8);
        var (expected, shape) = NaiveConv.Conv2d(input, inputShape, Approx.Values(layer.weight), [5, 1, 4, 4], Approx.Values(layer.bias), stride: 2, padding: 1);

        var x = TestData.Tensor(input, inputShape).requires_grad_();
        var output = layer.forward(x);
        output.shape.Should().Equal(shape).And.Equal(3, 5, 5, 4);
        output.ShouldBeClose(expected, 1e-12, "ColumnConv2d");

        GradientsShouldMatch(layer, x, output, (xRef, weight, bias) => nn.functional.conv2d(xRef, weight, bias, strides: [2, 2], padding: [1, 1]));
    }

    [Fact]
    public void ColumnConvTranspose2d_matches_the_naive_loop_and_libtorchs_conv_transpose2d_with_gradients()
    {
        using var scope = NewDisposeScope();
        using var layer = new ColumnConvTranspose2d(6, 1, 4, stride: 2, padding: 1, new Generator(4), CPU);
        layer.to(ScalarType.Float64);
        long[] inputShape = [2, 6, 7, 5];
        var input = TestData.Uniform(9, 2 * 6 * 7 * 5);
        var (expected, shape) = NaiveConv.ConvTranspose2d(input, inputShape, Approx.Values(layer.weight), [6, 1, 4, 4], Approx.Values(layer.bias), stride: 2, padding: 1);

        var x = TestData.Tensor(input, inputShape).requires_grad_();
        var output = layer.forward(x);
        output.shape.Should().Equal(shape).And.Equal(2, 1, 14, 10);
        output.ShouldBeClose(expected, 1e-12, "ColumnConvTranspose2d");

        GradientsShouldMatch(layer, x, output, (xRef, weight, bias) => nn.functional.conv_transpose2d(xRef, weight, bias, strides: [2, 2], padding: [1, 1]));
    }

    [Fact]
    public void SeparateBiasConvTranspose2d_matches_the_naive_loop_and_libtorchs_conv_transpose2d_with_gradients()
    {
        using var scope = NewDisposeScope();
        using var layer = new SeparateBiasConvTranspose2d(6, 3, 4, stride: 2, padding: 1, new Generator(5), CPU);
        layer.to(ScalarType.Float64);
        long[] inputShape = [2, 6, 5, 4];
        var input = TestData.Uniform(13, 2 * 6 * 5 * 4);
        var (expected, shape) = NaiveConv.ConvTranspose2d(input, inputShape, Approx.Values(layer.weight), [6, 3, 4, 4], Approx.Values(layer.bias), stride: 2, padding: 1);

        var x = TestData.Tensor(input, inputShape).requires_grad_();
        var output = layer.forward(x);
        output.shape.Should().Equal(shape).And.Equal(2, 3, 10, 8);
        output.ShouldBeClose(expected, 1e-12, "SeparateBiasConvTranspose2d");

        GradientsShouldMatch(layer, x, output, (xRef, weight, bias) => nn.functional.conv_transpose2d(xRef, weight, bias, strides: [2, 2], padding: [1, 1]));
    }

    [Fact]
    public void SeparateBiasConvTranspose2d_draws_the_same_parameters_as_torch_nns_layer_from_the_same_generator()
    {
        using var own = new SeparateBiasConvTranspose2d(8, 4, 4, 2, 1, new Generator(21), CPU);
        using var libtorchs = Layers.ConvTranspose2d(8, 4, 4, 2, 1, new Generator(21), CPU);
        own.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))).Should().Equal(("weight", "8x4x4x4"), ("bias", "4"));
        Approx.Values(own.weight).Should().Equal(Approx.Values(libtorchs.weight!));
        Approx.Values(own.bias).Should().Equal(Approx.Values(libtorchs.bias!));
    }

    /// <summary>
    /// The transposed column layer hands its input's gradient back in the input's own (NCHW) layout,
    /// so the ReLU before it in the decoder runs its backward over matching layouts. matmul's broadcast
    /// over the batch handed it back channels-innermost.
    /// </summary>
    [Fact]
    public void ColumnConvTranspose2d_hands_back_its_inputs_gradient_in_the_inputs_layout()
    {
        using var scope = NewDisposeScope();
        using var layer = new ColumnConvTranspose2d(8, 1, 4, stride: 2, padding: 1, new Generator(6), CPU);
        var x = randn([3, 8, 7, 7], generator: new Generator(7)).requires_grad_();
        var seen = new List<Tensor>();
        var y = layer.forward(GradientProbe.Record(x.relu(), seen));
        y.sum().backward();
        seen.Should().ContainSingle();
        seen[0].shape.Should().Equal(3, 8, 7, 7);
        seen[0].is_contiguous().Should().BeTrue($"strides were {string.Join(",", seen[0].stride())}");
    }

    [Fact]
    public void The_column_layers_initialise_and_name_their_parameters_as_torch_nn_does()
    {
        using var conv = new ColumnConv2d(1, 8, 4, 2, 1, new Generator(1), CPU);
        using var deconv = new ColumnConvTranspose2d(8, 1, 4, 2, 1, new Generator(1), CPU);
        conv.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))).Should().Equal(("weight", "8x1x4x4"), ("bias", "8"));
        deconv.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))).Should().Equal(("weight", "8x1x4x4"), ("bias", "1"));
        Approx.Values(conv.weight).Max(Math.Abs).Should().BeLessThanOrEqualTo(1 / Math.Sqrt(16), "kaiming_uniform(a=√5) over fan-in 1·4·4");
        Approx.Values(deconv.weight).Max(Math.Abs).Should().BeLessThanOrEqualTo(1 / Math.Sqrt(16), "a transposed weight's fan-in is dim 1 (1·4·4)");
        Approx.Values(deconv.bias).Max(Math.Abs).Should().BeLessThanOrEqualTo(1 / Math.Sqrt(16));
    }

    /// <summary>The same random upstream gradient through the layer and through libtorch's convolution.</summary>
    private static void GradientsShouldMatch(ConvolutionLayer layer, Tensor x, Tensor output, Func<Tensor, Tensor, Tensor, Tensor> reference)
    {
        var weight = layer.weight.detach().clone().requires_grad_();
        var bias = layer.bias.detach().clone().requires_grad_();
        var xRef = x.detach().clone().requires_grad_();
        var upstream = TestData.Tensor(TestData.Uniform(11, (int)output.numel()), output.shape);
        (output * upstream).sum().backward();
        (reference(xRef, weight, bias) * upstream).sum().backward();
        layer.weight.grad!.ShouldBeClose(Approx.Values(weight.grad!), 1e-12, "weight gradient");
        layer.bias.grad!.ShouldBeClose(Approx.Values(bias.grad!), 1e-12, "bias gradient");
        x.grad!.ShouldBeClose(Approx.Values(xRef.grad!), 1e-12, "input gradient");
    }
}

/// <summary>An identity op whose backward records the gradient it is handed (its layout included).</summary>
internal sealed class GradientProbe : autograd.SingleTensorFunction<GradientProbe>
{
    public override string Name => nameof(GradientProbe);

    public static Tensor Record(Tensor x, List<Tensor> seen) => apply(x, seen);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        ctx.save_data("seen", vars[1]);
        return ((Tensor)vars[0]).alias();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        ((List<Tensor>)ctx.get_data("seen")).Add(grad_output.detach());
        return [grad_output, null!];
    }
}
