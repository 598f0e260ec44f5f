using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

[Collection(ProcessWide.Name)]
public class RandomSeedTests
{
    [Fact]
    public void ManualSeed_makes_the_global_generator_repeat_itself()
    {
        using var scope = NewDisposeScope();
        Engine.ManualSeed(1234);
        var first = rand([32]).ToArray<float>();
        var firstNormal = randn([32]).ToArray<float>();

        Engine.ManualSeed(1234);
        rand([32]).ToArray<float>().Should().Equal(first);
        randn([32]).ToArray<float>().Should().Equal(firstNormal);

        Engine.ManualSeed(4321);
        rand([32]).ToArray<float>().Should().NotEqual(first);
    }

    [Fact]
    public void An_explicit_generator_ignores_the_global_seed()
    {
        using var scope = NewDisposeScope();
        using var a = new Generator(8);
        Engine.ManualSeed(1);
        var first = rand([16], generator: a).ToArray<float>();

        using var b = new Generator(8);
        Engine.ManualSeed(2);
        rand([16]);
        rand([16], generator: b).ToArray<float>().Should().Equal(first);
    }
}
