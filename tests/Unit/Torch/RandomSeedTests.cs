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
        manual_seed(1234);
        var first = rand([32]).ToArray<float>();
        var firstNormal = randn([32]).ToArray<float>();

        manual_seed(1234);
        rand([32]).ToArray<float>().Should().Equal(first);
        randn([32]).ToArray<float>().Should().Equal(firstNormal);

        manual_seed(4321);
        rand([32]).ToArray<float>().Should().NotEqual(first);
    }

    [Fact]
    public void An_explicit_generator_ignores_the_global_seed()
    {
        using var scope = NewDisposeScope();
        using var a = new Generator(8);
        manual_seed(1);
        var first = rand([16], generator: a).ToArray<float>();

        using var b = new Generator(8);
        manual_seed(2);
        rand([16]);
        rand([16], generator: b).ToArray<float>().Should().Equal(first);
    }

    [Fact]
    public void A_disposed_generator_silently_falls_back_to_the_global_one()
    {
        // TorchSharp passes a disposed generator's empty handle as "no generator": keep generators
        // alive for as long as their draws must be reproducible.
        using var scope = NewDisposeScope();
        var generator = new Generator(1);
        generator.Dispose();
        generator.Handle.Should().Be(IntPtr.Zero, "disposing frees the native generator");
        manual_seed(77);
        var fromDisposed = rand([8], generator: generator).ToArray<float>();
        manual_seed(77);
        rand([8]).ToArray<float>().Should().Equal(fromDisposed, "the draw came from the global generator");
    }
}
