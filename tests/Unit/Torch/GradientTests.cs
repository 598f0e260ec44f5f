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
