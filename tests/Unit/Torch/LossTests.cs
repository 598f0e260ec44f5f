using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class LossTests
{
    private static readonly double[] Input = TestData.Uniform(1, 12, 0.02, 0.98);
    private static readonly double[] Target = TestData.Uniform(2, 12, 0, 1);

    // −[y·max(log x, −100) + (1 − y)·max(log(1 − x), −100)], as PyTorch clamps the logs.
    private static double Bce(double x, double y) =>
        -((y * Math.Max(Math.Log(x), -100)) + ((1 - y) * Math.Max(Math.Log(1 - x), -100)));

    [Fact]
    public void BinaryCrossEntropy_reductions_match_the_formula()
    {
        using var scope = NewDisposeScope();
        var (x, y) = (TestData.Tensor(Input, [3, 4]), TestData.Tensor(Target, [3, 4]));
        var perElement = Input.Select((v, i) => Bce(v, Target[i])).ToArray();

        var none = nn.functional.binary_cross_entropy(x, y, reduction: nn.Reduction.None);
        none.shape.Should().Equal(3, 4);
        none.ShouldBeClose(perElement, 1e-14, "bce none");
        var mean = nn.functional.binary_cross_entropy(x, y);
        mean.shape.Should().BeEmpty();
        mean.ToDouble().Should().BeApproximately(perElement.Average(), 1e-14, "the default reduction is the mean");
        nn.functional.binary_cross_entropy(x, y, reduction: nn.Reduction.Sum).ToDouble().Should().BeApproximately(perElement.Sum(), 1e-13);
    }

    [Fact]
    public void BinaryCrossEntropy_weight_scales_each_element()
    {
        using var scope = NewDisposeScope();
        var weight = TestData.Uniform(3, 12, 0, 2);
        var loss = nn.functional.binary_cross_entropy(TestData.Tensor(Input, [3, 4]), TestData.Tensor(Target, [3, 4]), weight: TestData.Tensor(weight, [3, 4]), reduction: nn.Reduction.Sum);
        loss.ToDouble().Should().BeApproximately(Input.Select((v, i) => weight[i] * Bce(v, Target[i])).Sum(), 1e-13);
    }

    [Fact]
    public void BinaryCrossEntropy_clamps_the_log_at_minus_100()
    {
        using var scope = NewDisposeScope();
        var allZero = zeros([4], ScalarType.Float64);
        var allOne = ones([4], ScalarType.Float64);
        nn.functional.binary_cross_entropy(allZero, allOne, reduction: nn.Reduction.None).ToArray<double>().Should().Equal([100.0, 100, 100, 100], "log 0 is clamped to −100");
        nn.functional.binary_cross_entropy(allOne, allZero, reduction: nn.Reduction.Sum).ToDouble().Should().Be(400);
        nn.functional.binary_cross_entropy(allZero, allZero, reduction: nn.Reduction.Sum).ToDouble().Should().Be(0);
        nn.functional.binary_cross_entropy(zeros([4]), ones([4])).ToDouble().Should().Be(100, "float32 clamps the same way");
    }

    [Fact]
    public void MseLoss_reductions_match_the_formula()
    {
        using var scope = NewDisposeScope();
        var (x, y) = (TestData.Tensor(Input, [3, 4]), TestData.Tensor(Target, [3, 4]));
        var squared = Input.Select((v, i) => (v - Target[i]) * (v - Target[i])).ToArray();
        nn.functional.mse_loss(x, y, reduction: nn.Reduction.None).ShouldBeClose(squared, 1e-15, "mse none");
        nn.functional.mse_loss(x, y).ToDouble().Should().BeApproximately(squared.Average(), 1e-15);
        nn.functional.mse_loss(x, y, reduction: nn.Reduction.Sum).ToDouble().Should().BeApproximately(squared.Sum(), 1e-14);
        nn.functional.mse_loss(TestData.Tensor([1, 2], [2]), TestData.Tensor([4, -2], [2]), reduction: nn.Reduction.Sum).ToDouble().Should().Be(25, "hand value: 3² + 4²");
    }
}
