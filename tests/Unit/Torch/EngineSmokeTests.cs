using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class EngineSmokeTests
{
    [Fact]
    public void Adds_two_tensors_and_reads_back_the_values()
    {
        using var scope = Engine.NewDisposeScope();
        var a = Tensor.From(new float[] { 1, 2, 3, 4 }, 2, 2);
        var b = Tensor.Ones([2, 2]);
        (a + b).ToArray<float>().Should().Equal(2, 3, 4, 5);
        a.Shape.Should().Equal(2, 2);
        a.DType.Should().Be(DType.Float32);
        a.Device.Should().Be(Device.Cpu);
    }

    [Fact]
    public void A_libtorch_error_becomes_a_TorchException_with_its_message()
    {
        using var scope = Engine.NewDisposeScope();
        var x = Tensor.Zeros([1, 3, 8, 8]);
        var w = Tensor.Zeros([4, 2, 3, 3]);
        var act = () => Functional.Conv2d(x, w);
        act.Should().Throw<TorchException>().WithMessage("*channels*");
    }
}
