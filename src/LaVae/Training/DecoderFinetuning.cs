using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>
/// Fitting one VAE's decoder to another VAE's encoder: the encoder stays frozen and deterministic
/// (z = μ(x), as stage 3 reads a frozen latent space) and only the decoder learns to reconstruct the
/// target images from it, by summed BCE.
/// </summary>
public static class DecoderFinetuning
{
    /// <summary>The encoder means of <paramref name="images"/> (uint8, N x 28 x 28), (N, latent); computed once, since the encoder does not change.</summary>
    public static Tensor Latents(ConvEncoder encoder, Tensor images, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(images);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var means = new List<Tensor>();
        for (long start = 0; start < images.size(0); start += batchSize)
        {
            var batch = images.narrow(0, start, Math.Min(batchSize, images.size(0) - start));
            means.Add(encoder.forward(AlignedSets.ToModelInput(batch)).Mu);
        }

        return cat(means).MoveToOuterDisposeScope();
    }

    /// <summary>Summed BCE of decode(z_i) against target image i, for the batch's indices.</summary>
    public static StageLoss Loss(ConvDecoder decoder, Tensor latents, Tensor targets, Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(latents);
        ArgumentNullException.ThrowIfNull(targets);
        return StageLoss.Single("bce", VaeObjective.Reconstruction(decoder.forward(latents.index_select(0, indices)), AlignedSets.ToModelInput(targets.index_select(0, indices))));
    }
}
