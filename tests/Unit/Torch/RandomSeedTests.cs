using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

[Collection(ProcessWide.Name)]
public class RandomSeedTests
{
    [Fact]
    public void ManualSeed_makes_the_global_generator_repeat_itself()
    {
        using var scope = Engine.NewDisposeScope();
        Engine.ManualSeed(1234);
        var first = Tensor.Rand([32]).ToArray<float>();
        var firstNormal = Tensor.Randn([32]).ToArray<float>();

        Engine.ManualSeed(1234);
        Tensor.Rand([32]).ToArray<float>().Should().Equal(first);
        Tensor.Randn([32]).ToArray<float>().Should().Equal(firstNormal);

        Engine.ManualSeed(4321);
        Tensor.Rand([32]).ToArray<float>().Should().NotEqual(first);
    }

    [Fact]
    public void An_explicit_generator_ignores_the_global_seed()
    {
        using var scope = Engine.NewDisposeScope();
        using var a = new Generator(8);
        Engine.ManualSeed(1);
        var first = Tensor.Rand([16], a).ToArray<float>();

        using var b = new Generator(8);
        Engine.ManualSeed(2);
        Tensor.Rand([16]);
        Tensor.Rand([16], b).ToArray<float>().Should().Equal(first);
    }
}
