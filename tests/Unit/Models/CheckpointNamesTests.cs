using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>
/// A checkpoint holds each parameter once, under the name named_parameters gives it: a PyTorch model of
/// the same layers loads it strictly (no unexpected keys) and no tensor is stored twice.
/// </summary>
public class CheckpointNamesTests
{
    public static TheoryData<string> Models() => ["lavae", "lavae_mlp", "cvae", "csvae", "plain_vae", "classifier"];

    [Theory]
    [MemberData(nameof(Models))]
    public void State_dict_names_are_the_named_parameters_and_buffers(string kind)
    {
        using var generator = new Generator(1);
        using var model = Build(kind, generator);

        var expected = model.named_parameters().Select(p => p.name)
            .Concat(model.named_buffers().Select(b => b.name));

        model.state_dict().Keys.Should().BeEquivalentTo(expected);
    }

    private static nn.Module Build(string kind, Generator generator) => kind switch
    {
        "lavae" => new Lavae(Tiny.Shape, Tiny.Flips, LatentMapKind.Linear, generator, CPU),
        "lavae_mlp" => new Lavae(Tiny.Shape, Tiny.Flips, LatentMapKind.Mlp, generator, CPU),
        "cvae" => new Cvae(Tiny.Shape, generator, CPU),
        "csvae" => new Csvae(Tiny.Shape, generator, CPU),
        "plain_vae" => new PlainVae(Tiny.Shape, generator, CPU),
        "classifier" => new DigitClassifier(generator, CPU),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
