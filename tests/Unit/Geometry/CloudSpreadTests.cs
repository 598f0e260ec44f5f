using LaVae.Geometry;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Geometry;

public class CloudSpreadTests
{
    [Fact]
    public void Log_determinant_of_a_cross_by_hand()
    {
        using var scope = NewDisposeScope();
        // (±1, 0), (0, ±2): mean 0, var x = 2/3, var y = 8/3, no covariance (ddof 1).
        var cross = tensor(new double[] { 1, 0, -1, 0, 0, 2, 0, -2 }, new long[] { 4, 2 });

        CloudSpread.LogDeterminant(cross).Should().BeApproximately(Math.Log(2.0 / 3.0 * 8.0 / 3.0), 1e-12);
    }

    [Fact]
    public void Scaling_a_cloud_by_s_adds_two_d_log_s()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        var cloud = randn([50, 4], dtype: ScalarType.Float64, generator: generator);

        var difference = CloudSpread.LogDeterminant(cloud * 3.0) - CloudSpread.LogDeterminant(cloud + 7.0);

        difference.Should().BeApproximately(2 * 4 * Math.Log(3), 1e-9);
    }
}
