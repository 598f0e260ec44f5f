using System.Runtime.InteropServices;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

/// <summary>
/// Autograd against central finite differences (ε = 1e-6, float64) of the naive forward
/// passes, so a gradient is checked against arithmetic that shares nothing with libtorch.
/// </summary>
public class GradientTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Conv2d_gradients_match_finite_differences()
    {
        long[] inputShape = [2, 2, 5, 5];
        long[] weightShape = [3, 2, 3, 3];
        var r = TestData.Uniform(100, 2 * 3 * 3 * 3);
        CheckGradients(
            [("input", TestData.Uniform(1, 100), inputShape), ("weight", TestData.Uniform(2, 54), weightShape), ("bias", TestData.Uniform(3, 3), [3])],
            t => (nn.functional.conv2d(t[0], t[1], t[2], strides: [2, 2], padding: [1, 1]) * TestData.Tensor(r, [2, 3, 3, 3])).sum(),
            v => Dot(NaiveConv.Conv2d(v[0], inputShape, v[1], weightShape, v[2], stride: 2, padding: 1).Output, r),
            "conv2d");
    }

    [Fact]
    public void ConvTranspose2d_gradients_match_finite_differences()
    {
        long[] inputShape = [1, 3, 3, 3];
        long[] weightShape = [3, 2, 4, 4];
        var r = TestData.Uniform(101, 2 * 6 * 6);
        CheckGradients(
            [("input", TestData.Uniform(4, 27), inputShape), ("weight", TestData.Uniform(5, 96), weightShape), ("bias", TestData.Uniform(6, 2), [2])],
            t => (nn.functional.conv_transpose2d(t[0], t[1], t[2], strides: [2, 2], padding: [1, 1]) * TestData.Tensor(r, [1, 2, 6, 6])).sum(),
            v => Dot(NaiveConv.ConvTranspose2d(v[0], inputShape, v[1], weightShape, v[2], stride: 2, padding: 1).Output, r),
            "conv_transpose2d");
    }

    [Fact]
    public void ConvTranspose2d_gradients_of_a_batch_without_bias_match_finite_differences()
    {
        // The decoder's layer shape (k4, s2, p1) on a batch, through the convolution-based backward.
        long[] inputShape = [2, 3, 2, 3];
        long[] weightShape = [3, 2, 4, 4];
        var r = TestData.Uniform(105, 2 * 2 * 4 * 6);
        CheckGradients(
            [("input", TestData.Uniform(12, 36), inputShape), ("weight", TestData.Uniform(13, 96), weightShape)],
            t => (nn.functional.conv_transpose2d(t[0], t[1], null, strides: [2, 2], padding: [1, 1]) * TestData.Tensor(r, [2, 2, 4, 6])).sum(),
            v => Dot(NaiveConv.ConvTranspose2d(v[0], inputShape, v[1], weightShape, null, stride: 2, padding: 1).Output, r),
            "conv_transpose2d without bias");
    }

    [Fact]
    public void ConvTranspose2d_gradients_with_16_output_channels_match_finite_differences()
    {
        // 16 or more output channels take the engine's other forward (conv2d's input gradient).
        long[] inputShape = [2, 2, 2, 3];
        long[] weightShape = [2, 16, 4, 4];
        var r = TestData.Uniform(107, 2 * 16 * 4 * 6);
        CheckGradients(
            [("input", TestData.Uniform(19, 24), inputShape), ("weight", TestData.Uniform(20, 512), weightShape), ("bias", TestData.Uniform(21, 16), [16])],
            t => (nn.functional.conv_transpose2d(t[0], t[1], t[2], strides: [2, 2], padding: [1, 1]) * TestData.Tensor(r, [2, 16, 4, 6])).sum(),
            v => Dot(NaiveConv.ConvTranspose2d(v[0], inputShape, v[1], weightShape, v[2], stride: 2, padding: 1).Output, r),
            "conv_transpose2d with 16 output channels");
    }

    [Fact]
    public void ConvTranspose2d_gradients_with_output_padding_and_groups_match_finite_differences()
    {
        // The cases that keep libtorch's own backward.
        long[] inputShape = [1, 4, 3, 3];
        long[] weightShape = [4, 1, 3, 3];
        var r = TestData.Uniform(106, 2 * 6 * 6);
        CheckGradients(
            [("input", TestData.Uniform(14, 36), inputShape), ("weight", TestData.Uniform(15, 36), weightShape)],
            t => (nn.functional.conv_transpose2d(t[0], t[1], null, strides: [2, 2], padding: [1, 1], output_padding: [1, 1], groups: 2) * TestData.Tensor(r, [1, 2, 6, 6])).sum(),
            v => Dot(NaiveConv.ConvTranspose2d(v[0], inputShape, v[1], weightShape, null, stride: 2, padding: 1, outputPadding: 1, groups: 2).Output, r),
            "conv_transpose2d with output padding and groups");
    }

    [Fact]
    public void Linear_gradients_match_finite_differences()
    {
        var r = TestData.Uniform(102, 4 * 3);
        CheckGradients(
            [("input", TestData.Uniform(7, 20), [4, 5]), ("weight", TestData.Uniform(8, 15), [3, 5]), ("bias", TestData.Uniform(9, 3), [3])],
            t => (nn.functional.linear(t[0], t[1], t[2]) * TestData.Tensor(r, [4, 3])).sum(),
            v => Dot(NaiveConv.Linear(v[0], 5, v[1], 3, v[2]), r),
            "linear");
    }

    [Fact]
    public void BinaryCrossEntropy_sum_gradient_matches_finite_differences()
    {
        var target = TestData.Uniform(10, 12, 0, 1);
        CheckGradients(
            [("input", TestData.Uniform(11, 12, 0.05, 0.95), [3, 4])],
            t => nn.functional.binary_cross_entropy(t[0], TestData.Tensor(target, [3, 4]), reduction: nn.Reduction.Sum),
            v => v[0].Select((x, i) => -((target[i] * Math.Log(x)) + ((1 - target[i]) * Math.Log(1 - x)))).Sum(),
            "binary_cross_entropy");
    }

    [Fact]
    public void MseLoss_mean_gradient_matches_finite_differences()
    {
        var target = TestData.Uniform(12, 6);
        CheckGradients(
            [("input", TestData.Uniform(13, 6), [2, 3])],
            t => nn.functional.mse_loss(t[0], TestData.Tensor(target, [2, 3])),
            v => v[0].Select((x, i) => (x - target[i]) * (x - target[i])).Average(),
            "mse_loss");
    }

    [Fact]
    public void Vae_KL_term_gradients_match_finite_differences_and_the_closed_form()
    {
        var (mu, logVar) = (TestData.Uniform(14, 8), TestData.Uniform(15, 8));
        CheckGradients(
            [("mu", mu, [2, 4]), ("logvar", logVar, [2, 4])],
            t => -0.5 * (1 + t[1] - t[0].square() - t[1].exp()).sum(),
            v => -0.5 * v[0].Select((m, i) => 1 + v[1][i] - (m * m) - Math.Exp(v[1][i])).Sum(),
            "KL");

        using var scope = NewDisposeScope();
        var (m, lv) = (TestData.Tensor(mu, [2, 4]).requires_grad_(), TestData.Tensor(logVar, [2, 4]).requires_grad_());
        (-0.5 * (1 + lv - m.square() - lv.exp()).sum()).backward();
        m.grad!.ShouldBeClose(mu, 1e-15, "∂KL/∂μ = μ");
        lv.grad!.ShouldBeClose(logVar.Select(v => 0.5 * (Math.Exp(v) - 1)).ToArray(), 1e-15, "∂KL/∂logvar = (exp(logvar) − 1)/2");
    }

    [Fact]
    public void Resampling_gradients_with_respect_to_the_image_match_finite_differences()
    {
        long[] shape = [1, 2, 6, 5];
        var grid = TestData.Uniform(16, 3 * 4 * 2, -1.2, 1.2);
        var r = TestData.Uniform(103, 2 * 3 * 4);
        CheckGradients(
            [("image", TestData.Uniform(17, 60), shape)],
            t => (nn.functional.grid_sample(t[0], TestData.Tensor(grid, [1, 3, 4, 2]), align_corners: false) * TestData.Tensor(r, [1, 2, 3, 4])).sum(),
            v => Dot(NaiveSampling.GridSample(v[0], shape, grid, 3, 4), r),
            "grid_sample");
        CheckGradients(
            [("image", TestData.Uniform(18, 60), shape)],
            t => (nn.functional.interpolate(t[0], [3, 4], mode: InterpolationMode.Bilinear, align_corners: false) * TestData.Tensor(r, [1, 2, 3, 4])).sum(),
            v => Dot(NaiveSampling.InterpolateBilinear(v[0], shape, 3, 4, alignCorners: false), r),
            "interpolate");
    }

    [Fact]
    public void Backward_with_an_explicit_gradient_computes_the_vector_jacobian_product()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, -2, 3 }).requires_grad_();
        var y = x * x;
        y.backward([tensor(new[] { 1.0, 0.5, -2 })]);
        x.grad!.ToArray<double>().Should().Equal(2, -2, -12);
    }

    [Fact]
    public void Grad_is_null_before_backward_accumulates_over_passes_and_ClearGrad_drops_it()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, 2 }).requires_grad_();
        x.requires_grad.Should().BeTrue();
        x.grad.Should().BeNull();

        (x * 3).sum().backward();
        x.grad!.ToArray<double>().Should().Equal(3, 3);
        (x * 3).sum().backward();
        x.grad!.ToArray<double>().Should().Equal([6.0, 6], "a second backward pass adds to the gradient");

        x.grad = null;
        x.grad.Should().BeNull();
        (x * x).sum().backward();
        x.grad!.ToArray<double>().Should().Equal(2, 4);
    }

    [Fact]
    public void Detach_cuts_the_graph_but_shares_the_values()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, 2 }).requires_grad_();
        var detached = x.detach();
        detached.requires_grad.Should().BeFalse();
        detached.ToArray<double>().Should().Equal(1, 2);

        ((x * 2) + (detached * 5)).sum().backward();
        x.grad!.ToArray<double>().Should().Equal([2.0, 2], "the detached branch contributes nothing");
    }

    [Fact]
    public void NoGrad_stops_recording_until_disposed_and_EnableGrad_turns_it_back_on()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0 }).requires_grad_();
        is_grad_enabled().Should().BeTrue();
        (x * 2).requires_grad.Should().BeTrue();
        using (no_grad())
        {
            is_grad_enabled().Should().BeFalse();
            (x * 2).requires_grad.Should().BeFalse();
            using (enable_grad())
            {
                (x * 2).requires_grad.Should().BeTrue();
            }

            is_grad_enabled().Should().BeFalse("leaving EnableGrad restores the mode it found");
        }

        is_grad_enabled().Should().BeTrue();
        (x * 2).requires_grad.Should().BeTrue();
    }

    [Fact]
    public void RequiresGrad_can_be_switched_off_again()
    {
        using var scope = NewDisposeScope();
        var x = zeros([2]);
        x.requires_grad.Should().BeFalse();
        x.requires_grad = true;
        x.requires_grad.Should().BeTrue();
        x.requires_grad = false;
        (x * 2).requires_grad.Should().BeFalse();
    }

    [Fact]
    public void Set_without_grad_replaces_the_values_but_keeps_the_tensor_and_its_requires_grad()
    {
        using var scope = NewDisposeScope();
        var parameter = zeros([2]).requires_grad_();
        var alias = parameter.alias();
        var act = () => parameter.set_(tensor(new[] { 1f, 2, 3 }));
        act.Should().Throw<ExternalException>("autograd refuses in-place changes to a leaf that requires grad")
            .WithMessage("*leaf Variable that requires grad*in-place*");
        using (no_grad())
        {
            parameter.set_(tensor(new[] { 1f, 2, 3 }));
        }

        parameter.shape.Should().Equal(3);
        alias.ToArray<float>().Should().Equal([1f, 2, 3], "every owner of the tensor sees the new data");
        parameter.requires_grad.Should().BeTrue();
        (parameter * 2).sum().backward();
        parameter.grad!.ToArray<float>().Should().Equal(2, 2, 2);
    }

    private static double Dot(double[] a, double[] b) => a.Select((v, i) => v * b[i]).Sum();

    // Runs the engine's loss with every input requiring grad, then compares each input's gradient
    // with the finite differences of the naive loss in that input, the others held fixed.
    private static void CheckGradients(
        (string Name, double[] Values, long[] Shape)[] inputs,
        Func<Tensor[], Tensor> engineLoss,
        Func<double[][], double> naiveLoss,
        string what)
    {
        using var scope = NewDisposeScope();
        var tensors = inputs.Select(i => TestData.Tensor(i.Values, i.Shape).requires_grad_()).ToArray();
        var loss = engineLoss(tensors);
        loss.ToDouble().Should().BeApproximately(naiveLoss(inputs.Select(i => i.Values).ToArray()), 1e-12, "{0}: the forward passes agree", what);
        loss.backward();
        for (var k = 0; k < inputs.Length; k++)
        {
            var numeric = FiniteDifference.Gradient(
                x => naiveLoss(inputs.Select((input, j) => j == k ? x : input.Values).ToArray()),
                inputs[k].Values);
            tensors[k].grad.Should().NotBeNull("{0}: {1} requires grad", what, inputs[k].Name);
            tensors[k].grad!.ShouldBeClose(numeric, Tolerance, $"{what}: ∂L/∂{inputs[k].Name}");
        }
    }
}
