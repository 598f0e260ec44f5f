using LaVae.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>The classifier's log-softmax and cross-entropy against the formulas in C#, by hand and by finite differences.</summary>
public class ClassifierObjectiveTests
{
    private static readonly double[] Logits = TestData.Uniform(11, 12, -3, 3);
    private static readonly long[] Labels = [2, 0, 3];

    // log p_c = x_c − log Σ_j exp(x_j), computed naively in float64 for one row.
    private static double[] NaiveLogSoftmax(double[] row)
    {
        var total = row.Sum(Math.Exp);
        return row.Select(x => x - Math.Log(total)).ToArray();
    }

    private static double NaiveCrossEntropy(double[] logits)
    {
        var loss = 0.0;
        for (var i = 0; i < Labels.Length; i++)
        {
            loss -= NaiveLogSoftmax(logits.Skip(i * 4).Take(4).ToArray())[Labels[i]];
        }

        return loss;
    }

    [Fact]
    public void LogSoftmax_of_hand_values_is_the_log_of_the_normalised_exponentials()
    {
        using var scope = NewDisposeScope();
        // Row (0, ln 3): probabilities 1/4 and 3/4.
        var logits = TestData.Tensor([0, Math.Log(3), 1, 1], [2, 2]);

        ClassifierObjective.LogSoftmax(logits).ShouldBeClose([Math.Log(0.25), Math.Log(0.75), Math.Log(0.5), Math.Log(0.5)], 1e-15, "log softmax");
    }

    [Fact]
    public void LogSoftmax_matches_the_naive_formula_row_by_row()
    {
        using var scope = NewDisposeScope();
        var expected = Enumerable.Range(0, 3).SelectMany(i => NaiveLogSoftmax(Logits.Skip(i * 4).Take(4).ToArray())).ToArray();

        ClassifierObjective.LogSoftmax(TestData.Tensor(Logits, [3, 4])).ShouldBeClose(expected, 1e-14, "log softmax");
    }

    [Fact]
    public void LogSoftmax_of_huge_logits_stays_finite_because_the_row_maximum_is_subtracted_first()
    {
        using var scope = NewDisposeScope();
        // In float32, 1000 + ln 3 rounds to a neighbour; the reference uses the difference actually stored.
        var gap = (double)(float)(1000 + Math.Log(3)) - 1000;
        var logits = TestData.Tensor([1000, 1000 + Math.Log(3)], [1, 2], ScalarType.Float32);

        ClassifierObjective.LogSoftmax(logits).ShouldBeClose(
            [-Math.Log(1 + Math.Exp(gap)), gap - Math.Log(1 + Math.Exp(gap))], 1e-6, "exp(1000) overflows without the shift");
    }

    [Fact]
    public void CrossEntropy_sums_minus_the_log_probability_of_each_label()
    {
        using var scope = NewDisposeScope();
        var loss = ClassifierObjective.CrossEntropy(TestData.Tensor(Logits, [3, 4]), tensor(Labels));

        loss.shape.Should().BeEmpty();
        loss.ToDouble().Should().BeApproximately(NaiveCrossEntropy(Logits), 1e-13);
        using var uniform = ClassifierObjective.CrossEntropy(zeros([2, 10], ScalarType.Float64), tensor(new long[] { 7, 1 }));
        uniform.ToDouble().Should().BeApproximately(2 * Math.Log(10), 1e-14, "equal logits give each of 10 classes probability 1/10");
    }

    [Fact]
    public void CrossEntropy_gradient_matches_finite_differences_and_softmax_minus_one_hot()
    {
        using var scope = NewDisposeScope();
        var logits = TestData.Tensor(Logits, [3, 4]).requires_grad_();

        ClassifierObjective.CrossEntropy(logits, tensor(Labels)).backward();

        var numeric = FiniteDifference.Gradient(NaiveCrossEntropy, Logits);
        logits.grad!.ShouldBeClose(numeric, 1e-8, "d loss / d logits");
        var analytic = Enumerable.Range(0, 12).Select(i =>
            Math.Exp(NaiveLogSoftmax(Logits.Skip(i / 4 * 4).Take(4).ToArray())[i % 4]) - (Labels[i / 4] == i % 4 ? 1 : 0)).ToArray();
        logits.grad!.ShouldBeClose(analytic, 1e-14, "softmax − one-hot");
    }
}
