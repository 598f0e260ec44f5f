using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>Parameter names and shapes at the paper's F = 64 and latent 16 (Appendix C).</summary>
public class ArchitectureTests
{
    // 2F·7·7 = 128·49: the flattened features of the encoder and the decoder's first layer.
    private const long Flat = 6272;

    private static readonly (string Name, long[] Shape)[] Encoder =
    [
        ("conv1.weight", [64, 1, 4, 4]), ("conv1.bias", [64]),
        ("conv2.weight", [128, 64, 4, 4]), ("conv2.bias", [128]),
        ("fc_mu.weight", [16, Flat]), ("fc_mu.bias", [16]),
        ("fc_logvar.weight", [16, Flat]), ("fc_logvar.bias", [16]),
    ];

    private static readonly (string Name, long[] Shape)[] Decoder =
    [
        ("fc.weight", [Flat, 16]), ("fc.bias", [Flat]),
        ("deconv1.weight", [128, 64, 4, 4]), ("deconv1.bias", [64]),
        ("deconv2.weight", [64, 1, 4, 4]), ("deconv2.bias", [1]),
    ];

    [Fact]
    public void Lavae_at_F64_has_the_papers_layers_one_decoder_head_and_two_16x16_maps()
    {
        using var generator = new Generator(1);
        using var model = new Lavae(new ModelShape(), Tiny.Flips, LatentMapKind.Linear, generator, CPU);

        Shapes(model).Should().Equal(
            Encoder.Select(p => ($"encoder.{p.Name}", Text(p.Shape)))
                .Concat(Decoder.Select(p => ($"decoder0.{p.Name}", Text(p.Shape))))
                .Append(("map1.L", "16x16"))
                .Append(("map2.L", "16x16")));
        model.Maps.Select(m => m.Augmentation).Should().Equal("flip_lr", "flip_ud");
    }

    [Fact]
    public void Lavae_at_F64_has_572321_parameters()
    {
        // Encoder: conv1 64·1·4·4 + 64 = 1088; conv2 128·64·4·4 + 128 = 131200; two heads 2·(16·6272 + 16) = 200736.
        // Decoder: fc 6272·16 + 6272 = 106624; deconv1 128·64·4·4 + 64 = 131136; deconv2 64·1·4·4 + 1 = 1025.
        // Maps: 2·16·16 = 512.
        const long encoder = 1088 + 131200 + 200736;
        const long decoder = 106624 + 131136 + 1025;
        using var generator = new Generator(1);
        using var model = new Lavae(new ModelShape(), Tiny.Flips, LatentMapKind.Linear, generator, CPU);

        Count(model.Encoder).Should().Be(encoder).And.Be(333024);
        Count(model.Heads[0]).Should().Be(decoder).And.Be(238785);
        Count(model).Should().Be(encoder + decoder + 512).And.Be(572321);
    }

    [Fact]
    public void A_transfer_head_is_a_second_decoder_of_the_same_shape()
    {
        using var generator = new Generator(1);
        using var model = new Lavae(new ModelShape(), Tiny.Flips, LatentMapKind.Linear, generator, CPU);

        model.AddHead(generator);

        model.Heads.Should().HaveCount(2);
        Shapes(model).Where(p => p.Name.StartsWith("decoder1.", StringComparison.Ordinal))
            .Should().Equal(Decoder.Select(p => ($"decoder1.{p.Name}", Text(p.Shape))));
        Count(model).Should().Be(572321 + 238785);
    }

    [Fact]
    public void Cvae_at_F64_takes_4_more_inputs_in_both_fc_layers()
    {
        using var generator = new Generator(1);
        using var model = new Cvae(new ModelShape(), generator, CPU);

        var shapes = Shapes(model).ToDictionary(p => p.Name, p => p.Shape);
        shapes["encoder.fc_mu.weight"].Should().Be(Text([16, Flat + 4]));
        shapes["encoder.fc_logvar.weight"].Should().Be(Text([16, Flat + 4]));
        shapes["decoder.fc.weight"].Should().Be(Text([Flat, 16 + 4]));
        shapes["encoder.conv2.weight"].Should().Be("128x64x4x4");
        shapes["decoder.deconv2.weight"].Should().Be("64x1x4x4");
        // 333024 + 2·16·4 in the encoder heads, 238785 + 6272·4 in the decoder's fc.
        Count(model).Should().Be(333024 + 128 + 238785 + 25088).And.Be(597025);
    }

    [Fact]
    public void Plain_vae_is_the_encoder_and_one_decoder()
    {
        using var generator = new Generator(1);
        using var model = new PlainVae(new ModelShape(), generator, CPU);

        Count(model).Should().Be(333024 + 238785);
    }

    private static List<(string Name, string Shape)> Shapes(nn.Module module) =>
        module.named_parameters().Select(p => (p.name, Text(p.parameter.shape))).ToList();

    private static long Count(nn.Module module) => module.parameters().Sum(p => p.NumberOfElements);

    private static string Text(long[] shape) => string.Join("x", shape);
}
