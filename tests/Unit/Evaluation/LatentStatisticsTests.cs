using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

public class LatentStatisticsTests
{
    [Fact]
    public void Statistics_are_those_of_the_training_originals_latents()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae();
        using var train = Tiny.UnrelatedSets(9, seed: 2);

        using var statistics = LatentStatistics.Of(model, train);

        using var noGrad = no_grad();
        var z0 = Approx.Values(model.Encode(train.Batch(AugClass.Orig, arange(0, 9))).Mu);
        for (var d = 0; d < 16; d++)
        {
            var column = Enumerable.Range(0, 9).Select(i => z0[(i * 16) + d]).ToArray();
            var mean = column.Average();
            var std = Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / 8);
            Approx.Values(statistics.Min)[d].Should().BeApproximately(column.Min(), 1e-6);
            Approx.Values(statistics.Max)[d].Should().BeApproximately(column.Max(), 1e-6);
            Approx.Values(statistics.Mean)[d].Should().BeApproximately(mean, 1e-5);
            Approx.Values(statistics.Std)[d].Should().BeApproximately(std, 1e-5);
        }
    }

    [Fact]
    public void Bounding_box_samples_stay_in_the_box_and_normal_ones_follow_mean_and_std()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae();
        using var train = Tiny.UnrelatedSets(9, seed: 2);
        using var statistics = LatentStatistics.Of(model, train);
        using var generator = new Generator(11);

        var box = statistics.Sample(LatentSampling.BoundingBox, 2000, generator);
        var normal = statistics.Sample(LatentSampling.Normal, 20000, generator);

        box.ge(statistics.Min).logical_and(box.le(statistics.Max)).logical_not().sum().ToDouble().Should().Be(0, "every coordinate lies in [min, max]");
        var spread = (statistics.Max - statistics.Min).clamp(min: 1e-6);
        ((box.amin([0]) - statistics.Min) / spread).max().ToDouble().Should().BeLessThan(0.01, "2000 uniform draws come close to the lower edge");
        ((normal.mean([0]) - statistics.Mean).abs() / statistics.Std).max().ToDouble().Should().BeLessThan(0.05, "the sample mean is within 0.05 std of the mean");
        (normal.std([0]) / statistics.Std).min().ToDouble().Should().BeGreaterThan(0.95);
        (normal.std([0]) / statistics.Std).max().ToDouble().Should().BeLessThan(1.05);
    }
}
