using System.Runtime.InteropServices;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class EngineSmokeTests
{
    [Fact]
    public void Adds_two_tensors_and_reads_back_the_values()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        var b = ones([2, 2]);
        (a + b).ToArray<float>().Should().Equal(2, 3, 4, 5);
        a.shape.Should().Equal(2, 2);
        a.dtype.Should().Be(ScalarType.Float32);
        a.device_type.Should().Be(DeviceType.CPU);
    }

    [Fact]
    public void A_libtorch_error_becomes_an_ExternalException_with_its_message()
    {
        using var scope = NewDisposeScope();
        var x = zeros([1, 3, 8, 8]);
        var w = zeros([4, 2, 3, 3]);
        var act = () => nn.functional.conv2d(x, w, null);
        act.Should().Throw<ExternalException>().WithMessage("*channels*");
    }
}
