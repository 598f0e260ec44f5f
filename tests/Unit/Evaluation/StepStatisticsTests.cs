using LaVae.Evaluation;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>Quartiles and shares, against values worked out by hand (numpy's linear interpolation).</summary>
public class StepStatisticsTests
{
    [Fact]
    public void Quartiles_interpolate_between_order_statistics()
    {
        double[] values = [4, 1, 3, 2];

        StepStatistics.Quantile(values, 0.25).Should().Be(1.75);
        StepStatistics.Median(values).Should().Be(2.5);
        StepStatistics.Quantile(values, 0.75).Should().Be(3.25);
        StepStatistics.Quantile(values, 0).Should().Be(1);
        StepStatistics.Quantile(values, 1).Should().Be(4);
        StepStatistics.Median([7, 1, 5]).Should().Be(5);
    }

    [Fact]
    public void The_share_at_most_a_bound_counts_the_bound_itself()
    {
        StepStatistics.ShareAtMost([1, 2, 3, 4], 2).Should().Be(0.5);
        StepStatistics.ShareAtMost([1, 2, 3, 4], 0.5).Should().Be(0);
    }
}
