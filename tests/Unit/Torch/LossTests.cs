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
        using var scope = Engine.NewDisposeScope();
        var (x, y) = (TestData.Tensor(Input, [3, 4]), TestData.Tensor(Target, [3, 4]));
        var perElement = Input.Select((v, i) => Bce(v, Target[i])).ToArray();

        var none = Functional.BinaryCrossEntropy(x, y, Reduction.None);
        none.Shape.Should().Equal(3, 4);
        none.ShouldBeClose(perElement, 1e-14, "bce none");
        var mean = Functional.BinaryCrossEntropy(x, y);
        mean.Shape.Should().BeEmpty();
        mean.Item().Should().BeApproximately(perElement.Average(), 1e-14, "the default reduction is the mean");
        Functional.BinaryCrossEntropy(x, y, Reduction.Sum).Item().Should().BeApproximately(perElement.Sum(), 1e-13);
    }

    [Fact]
    public void BinaryCrossEntropy_weight_scales_each_element()
    {
        using var scope = Engine.NewDisposeScope();
        var weight = TestData.Uniform(3, 12, 0, 2);
        var loss = Functional.BinaryCrossEntropy(TestData.Tensor(Input, [3, 4]), TestData.Tensor(Target, [3, 4]), Reduction.Sum, TestData.Tensor(weight, [3, 4]));
        loss.Item().Should().BeApproximately(Input.Select((v, i) => weight[i] * Bce(v, Target[i])).Sum(), 1e-13);
    }

    [Fact]
    public void BinaryCrossEntropy_clamps_the_log_at_minus_100()
    {
        using var scope = Engine.NewDisposeScope();
        var zeros = Tensor.Zeros([4], DType.Float64);
        var ones = Tensor.Ones([4], DType.Float64);
        Functional.BinaryCrossEntropy(zeros, ones, Reduction.None).ToArray<double>().Should().Equal(100, 100, 100, 100);
        Functional.BinaryCrossEntropy(ones, zeros, Reduction.Sum).Item().Should().Be(400);
        Functional.BinaryCrossEntropy(zeros, zeros, Reduction.Sum).Item().Should().Be(0);
        Functional.BinaryCrossEntropy(Tensor.Zeros([4]), Tensor.Ones([4])).Item().Should().Be(100, "float32 clamps the same way");
    }

    [Fact]
    public void MseLoss_reductions_match_the_formula()
    {
        using var scope = Engine.NewDisposeScope();
        var (x, y) = (TestData.Tensor(Input, [3, 4]), TestData.Tensor(Target, [3, 4]));
        var squared = Input.Select((v, i) => (v - Target[i]) * (v - Target[i])).ToArray();
        Functional.MseLoss(x, y, Reduction.None).ShouldBeClose(squared, 1e-15, "mse none");
        Functional.MseLoss(x, y).Item().Should().BeApproximately(squared.Average(), 1e-15);
        Functional.MseLoss(x, y, Reduction.Sum).Item().Should().BeApproximately(squared.Sum(), 1e-14);
        Functional.MseLoss(TestData.Tensor([1, 2], [2]), TestData.Tensor([4, -2], [2]), Reduction.Sum).Item().Should().Be(25, "hand value: 3² + 4²");
    }
}
