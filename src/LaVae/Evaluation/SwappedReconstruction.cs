using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// An encoder and a decoder of different VAEs used as one autoencoder: x → decode_B(μ_A(x)), the
/// encoder mean as every evaluation here uses, and its per-image reconstruction errors against x.
/// </summary>
public static class SwappedReconstruction
{
    /// <summary>Pixel probabilities (N, 1, 28, 28) of decode(μ(x)) for uint8 images (N, 28, 28).</summary>
    public static Tensor Decode(ConvEncoder encoder, ConvDecoder decoder, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(decoder);
        return decoder.forward(encoder.forward(AlignedSets.ToModelInput(images)).Mu);
    }

    /// <summary>Summed BCE and summed squared error per image of decode(μ(x)) against x, averaged over <paramref name="images"/>.</summary>
    public static (double Bce, double Sse) Errors(ConvEncoder encoder, ConvDecoder decoder, Tensor images, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var noGrad = no_grad();
        var (bce, sse) = (0.0, 0.0);
        var count = images.size(0);
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var batch = images.narrow(0, start, Math.Min(batchSize, count - start));
            var prediction = Decode(encoder, decoder, batch);
            var target = AlignedSets.ToModelInput(batch);
            bce += nn.functional.binary_cross_entropy(prediction, target, reduction: nn.Reduction.Sum).ToDouble();
            sse += (prediction - target).square().sum().ToDouble();
        }

        return (bce / count, sse / count);
    }
}
