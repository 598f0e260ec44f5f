using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>Per-image summed BCE and SSE averaged over the test set, on columns whose predictions are known.</summary>
public class ReconstructionErrorsTests
{
    private const int Images = 7;

    [Fact]
    public void Known_predictions_give_the_per_image_errors_computed_by_hand_and_total_sums_the_four_columns()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.UnrelatedSets(Images, seed: 1);
        ErrorColumn[] columns =
        [
            new("orig", AugClass.Orig, b => full([b.Indices.size(0), 1, 28, 28], 0.5)),
            new("aug1", AugClass.Aug1, b => b.Sets.Batch(AugClass.Aug1, b.Indices)),
            new("aug2", AugClass.Aug2, b => full([b.Indices.size(0), 1, 28, 28], 0.25)),
            new("compose", AugClass.Compose, b => b.Sets.Batch(AugClass.Orig, b.Indices)),
        ];

        // Batches of 3 over 7 images: the last batch is short, and the average is per image, not per batch.
        var metrics = ReconstructionErrors.Measure(sets, columns, batchSize: 3);

        var (orig, aug1, aug2, compose) = (Pixels(sets, AugClass.Orig), Pixels(sets, AugClass.Aug1), Pixels(sets, AugClass.Aug2), Pixels(sets, AugClass.Compose));
        var half = Enumerable.Repeat(0.5, orig.Length).ToArray();
        var quarter = Enumerable.Repeat(0.25, orig.Length).ToArray();
        var expected = new Dictionary<string, double>
        {
            ["bce.orig"] = 784 * Math.Log(2),
            ["sse.orig"] = ByHand.SummedSquaredError(half, orig) / Images,
            ["bce.aug1"] = ByHand.SummedBce(aug1, aug1) / Images,
            ["sse.aug1"] = 0,
            ["bce.aug2"] = ByHand.SummedBce(quarter, aug2) / Images,
            ["sse.aug2"] = ByHand.SummedSquaredError(quarter, aug2) / Images,
            ["bce.compose"] = ByHand.SummedBce(orig, compose) / Images,
            ["sse.compose"] = ByHand.SummedSquaredError(orig, compose) / Images,
        };
        expected["bce.total"] = expected["bce.orig"] + expected["bce.aug1"] + expected["bce.aug2"] + expected["bce.compose"];
        expected["sse.total"] = expected["sse.orig"] + expected["sse.aug1"] + expected["sse.aug2"] + expected["sse.compose"];

        metrics.Keys.Should().BeEquivalentTo(expected.Keys);
        foreach (var (name, value) in expected)
        {
            metrics[name].Should().BeApproximately(value, 1e-5 * Math.Max(1, value), "{0} recomputed by hand", name);
        }

        metrics["bce.total"].Should().Be(metrics["bce.orig"] + metrics["bce.aug1"] + metrics["bce.aug2"] + metrics["bce.compose"]);
    }

    [Fact]
    public void Without_all_four_table_columns_there_is_no_total()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.Sets(2, seed: 2);
        ErrorColumn[] columns =
        [
            new("orig", AugClass.Orig, b => full([b.Indices.size(0), 1, 28, 28], 0.5)),
            new("reverse_compose", AugClass.Compose, b => full([b.Indices.size(0), 1, 28, 28], 0.5)),
        ];

        var metrics = ReconstructionErrors.Measure(sets, columns);

        metrics.Keys.Should().BeEquivalentTo(["bce.orig", "sse.orig", "bce.reverse_compose", "sse.reverse_compose"]);
    }

    [Fact]
    public void Each_column_is_compared_with_its_own_target_set()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.UnrelatedSets(3, seed: 3);
        ErrorColumn[] columns = [.. Enum.GetValues<AugClass>().Select(c => new ErrorColumn(c.ToString(), c, b => b.Sets.Batch(AugClass.Aug2, b.Indices)))];

        var metrics = ReconstructionErrors.Measure(sets, columns);

        metrics["sse.Aug2"].Should().Be(0, "the prediction is the Aug2 set itself");
        metrics.Where(m => m.Key.StartsWith("sse.", StringComparison.Ordinal) && m.Key != "sse.Aug2")
            .Should().OnlyContain(m => m.Value > 100, "unrelated random images differ everywhere");
    }

    private static double[] Pixels(LaVae.Data.AlignedSets sets, AugClass augClass) => ByHand.Pixels(sets[augClass]);
}
