using LaVae.Data;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>The encoder means of a whole set of digits and the decoded images of latents, batch by batch so a 10k test set fits beside the model.</summary>
public static class LatentCodes
{
    /// <summary>μ(x) for uint8 digits (N, 28, 28): (N, latent), on the digits' device.</summary>
    public static Tensor Means(Func<Tensor, Tensor> encodeMean, Tensor digits, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(encodeMean);
        ArgumentNullException.ThrowIfNull(digits);
        var parts = new List<Tensor>();
        for (long start = 0; start < digits.size(0); start += batchSize)
        {
            using var scope = NewDisposeScope();
            var batch = digits.narrow(0, start, Math.Min(batchSize, digits.size(0) - start));
            parts.Add(encodeMean(AlignedSets.ToModelInput(batch)).MoveToOuterDisposeScope());
        }

        return cat(parts);
    }

    /// <summary>decode(z) for latents (N, latent), batch by batch: (N, 1, 28, 28).</summary>
    public static Tensor Decode(Func<Tensor, Tensor> decode, Tensor z, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(z);
        var parts = new List<Tensor>();
        for (long start = 0; start < z.size(0); start += batchSize)
        {
            using var scope = NewDisposeScope();
            parts.Add(decode(z.narrow(0, start, Math.Min(batchSize, z.size(0) - start))).MoveToOuterDisposeScope());
        }

        return cat(parts);
    }
}
