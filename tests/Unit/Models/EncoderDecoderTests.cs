using LaVae.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>The conv encoder q(z|x) and decoder p(x|z) of paper Appendix C, at F = 4.</summary>
public class EncoderDecoderTests
{
    private const int N = 3;

    [Fact]
    public void Encoder_maps_a_batch_of_digits_to_16_dimensional_mu_and_logvar()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae();
        using var sets = Tiny.Sets(N, seed: 1);

        var (mu, logVar) = model.Encode(sets.Batch(AugClass.Orig, Tiny.Indices(0, 1, 2)));

        mu.shape.Should().Equal(N, 16);
        logVar.shape.Should().Equal(N, 16);
        ByHand.Values(mu).Should().NotEqual(ByHand.Values(logVar), "μ and log σ² are separate heads");
    }

    [Fact]
    public void Decoder_maps_latents_to_28x28_pixel_probabilities_strictly_inside_0_1()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae();
        var z = Tiny.Matrix(N, 16, seed: 2, low: -3, high: 3);

        var x = model.Decode(z);

        x.shape.Should().Equal(N, 1, 28, 28);
        ByHand.Values(x).Should().OnlyContain(p => p > 0 && p < 1, "the last layer is a sigmoid");
    }

    [Fact]
    public void Encoder_is_conv_relu_conv_relu_flatten_then_two_linear_heads()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 3);
        using var sets = Tiny.Sets(2, seed: 3);
        var x = sets.Batch(AugClass.Aug1, Tiny.Indices(0, 1));

        var (mu, logVar) = model.Encode(x);

        var (expectedMu, expectedLogVar) = new NaiveNetwork(model.Encoder, filters: 4).Encode(ByHand.Values(x), 2);
        mu.ShouldBeClose(expectedMu, 1e-5, "μ");
        logVar.ShouldBeClose(expectedLogVar, 1e-5, "log σ²");
    }

    [Fact]
    public void Decoder_is_linear_without_activation_then_convT_relu_convT_sigmoid()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 4);
        var z = Tiny.Matrix(2, 16, seed: 4, low: -2, high: 2);

        var x = model.Decode(z);

        x.ShouldBeClose(new NaiveNetwork(model.Heads[0], filters: 4).Decode(ByHand.Values(z), 2), 1e-5, "decoded pixels");
    }

    [Fact]
    public void Cvae_appends_the_4_class_one_hot_to_the_flattened_features_and_to_z()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Cvae(seed: 5);
        using var sets = Tiny.Sets(3, seed: 5);
        var x = sets.Batch(AugClass.Orig, Tiny.Indices(0, 1, 2));
        int[] classes = [2, 0, 3];
        var condition = model.OneHot(tensor(classes.Select(c => (long)c).ToArray()));
        var oneHot = ByHand.OneHot(classes, 4);
        var naiveEncoder = new NaiveNetwork(model.Encoder, filters: 4);
        var naiveDecoder = new NaiveNetwork(model.Decoder, filters: 4);

        var (mu, logVar) = model.Encode(x, condition);
        var decoded = model.Decode(mu, condition);

        ByHand.Values(condition).Should().Equal(oneHot);
        var (expectedMu, expectedLogVar) = naiveEncoder.Encode(ByHand.Values(x), 3, oneHot, conditionSize: 4);
        mu.ShouldBeClose(expectedMu, 1e-5, "CVAE μ");
        logVar.ShouldBeClose(expectedLogVar, 1e-5, "CVAE log σ²");
        decoded.ShouldBeClose(naiveDecoder.Decode(expectedMu, 3, oneHot, conditionSize: 4), 1e-5, "CVAE decoded pixels");

        var otherClass = model.Encode(x, model.OneHot(AugClass.Aug1, 3)).Mu;
        ByHand.Values(otherClass).Should().NotEqual(ByHand.Values(mu), "the condition changes the encoding");
    }

    [Fact]
    public void Cvae_one_hot_of_one_class_repeats_that_row()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Cvae();

        var rows = model.OneHot(AugClass.Compose, 3);

        rows.shape.Should().Equal(3, 4);
        ByHand.Values(rows).Should().Equal(ByHand.OneHot([3, 3, 3], 4));
    }
}
