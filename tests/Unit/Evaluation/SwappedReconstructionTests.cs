using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>The swap's autoencoder decode_B(μ_A(x)) and its errors against a computation done by hand per image.</summary>
public class SwappedReconstructionTests
{
    private static readonly ModelShape Shape = new(4, 16);

    [Fact]
    public void The_swap_reads_the_first_encoder_and_the_second_decoder()
    {
        using var g = new Generator(3, CPU);
        using var a = new PlainVae(Shape, g, CPU);
        using var b = new PlainVae(Shape, g, CPU);
        using var images = Images(5, seed: 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var swapped = SwappedReconstruction.Decode(a.Encoder, b.Decoder, images).ToArray<float>();

        var expected = b.Decoder.forward(a.Encoder.forward(AlignedSets.ToModelInput(images)).Mu).ToArray<float>();
        var ownA = a.Decoder.forward(a.Encoder.forward(AlignedSets.ToModelInput(images)).Mu).ToArray<float>();
        var otherWay = a.Decoder.forward(b.Encoder.forward(AlignedSets.ToModelInput(images)).Mu).ToArray<float>();
        swapped.Should().Equal(expected);
        swapped.Should().NotEqual(ownA).And.NotEqual(otherWay);
    }

    [Fact]
    public void Errors_are_per_image_sums_averaged_over_images_in_any_batching()
    {
        using var g = new Generator(4, CPU);
        using var a = new PlainVae(Shape, g, CPU);
        using var b = new PlainVae(Shape, g, CPU);
        using var images = Images(7, seed: 2);
        double[] prediction;
        using (var scope = NewDisposeScope())
        using (var noGrad = no_grad())
        {
            prediction = SwappedReconstruction.Decode(a.Encoder, b.Decoder, images).ToArray<float>().Select(v => (double)v).ToArray();
        }

        var pixels = images.ToArray<byte>();
        var (bce, sse) = (0.0, 0.0);
        for (var i = 0; i < pixels.Length; i++)
        {
            var (p, x) = (prediction[i], pixels[i] / 255.0);
            bce -= (x * Math.Max(Math.Log(p), -100)) + ((1 - x) * Math.Max(Math.Log(1 - p), -100));
            sse += (p - x) * (p - x);
        }

        var whole = SwappedReconstruction.Errors(a.Encoder, b.Decoder, images);
        var batched = SwappedReconstruction.Errors(a.Encoder, b.Decoder, images, batchSize: 3);

        whole.Bce.Should().BeApproximately(bce / 7, 1e-3 * bce / 7);
        whole.Sse.Should().BeApproximately(sse / 7, 1e-4 * sse / 7);
        batched.Bce.Should().BeApproximately(whole.Bce, 1e-4 * whole.Bce);
    }

    private static Tensor Images(int count, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[count * 784];
        random.NextBytes(bytes);
        return tensor(bytes, new long[] { count, 28, 28 });
    }
}
