using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class AxisTicksTests
{
    [Fact]
    public void Steps_are_one_two_or_five_times_a_power_of_ten()
    {
        var ticks = AxisTicks.For(-0.13, 0.87);

        ticks.Values.Should().Equal([-0.0, 0.2, 0.4, 0.6000000000000001, 0.8], (a, b) => Math.Abs(a - b) < 1e-12);
        ticks.Labels.Should().Equal("0.0", "0.2", "0.4", "0.6", "0.8");
    }

    [Fact]
    public void Large_ranges_get_integer_labels_and_no_negative_zero()
    {
        AxisTicks.For(-240, 260).Labels.Should().Equal("-200", "-100", "0", "100", "200");
        AxisTicks.For(-1.2e-4, 1.1e-4).Labels.Should().Equal("-0.00010", "-0.00005", "0.00000", "0.00005", "0.00010");
    }

    [Fact]
    public void An_empty_range_is_refused()
    {
        var act = () => AxisTicks.For(1, 1);

        act.Should().Throw<ArgumentException>();
    }
}
