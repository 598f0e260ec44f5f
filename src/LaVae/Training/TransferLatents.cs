using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>
/// What stage 3 reads from a frozen latent space (equation 7): z0 = μ(x0), the encoder mean of every
/// training original, and its images under the frozen maps z0·L1, z0·L2 and z0·L1·L2, each (N, latent).
/// Nothing here changes while a head trains, so it is computed once per latent space and shared by
/// every head trained on it, instead of encoding every batch again.
/// </summary>
public sealed class TransferLatents : IDisposable
{
    private readonly Tensor[] latents;

    /// <param name="originals">The training originals x0, uint8 (N, 28, 28), on the model's device.</param>
    public TransferLatents(Lavae space, Tensor originals, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(originals);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var count = originals.size(0);
        var means = new List<Tensor>();
        for (long start = 0; start < count; start += batchSize)
        {
            var batch = originals.narrow(0, start, Math.Min(batchSize, count - start));
            means.Add(space.Encode(Data.AlignedSets.ToModelInput(batch)).Mu);
        }

        var z0 = cat(means);
        latents =
        [
            z0.DetachFromDisposeScope(),
            space.Augment(z0, 0).DetachFromDisposeScope(),
            space.Augment(z0, 1).DetachFromDisposeScope(),
            space.Compose(z0).DetachFromDisposeScope(),
        ];
        Count = count;
    }

    public long Count { get; }

    /// <summary>z0 (orig), z0·L1 (aug1), z0·L2 (aug2) or z0·L1·L2 (compose).</summary>
    public Tensor this[AugClass augClass] => latents[(int)augClass];

    public void Dispose()
    {
        foreach (var latent in latents)
        {
            latent.Dispose();
        }
    }
}
