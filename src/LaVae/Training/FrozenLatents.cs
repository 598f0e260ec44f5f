using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>
/// q(z|x) of a frozen encoder for every image of the orig, A1 and A2 sets: μ and log σ², (N, latent)
/// each. Stage 2 samples z = μ + σ·ε from these instead of re-encoding the images every batch.
/// </summary>
public sealed class FrozenLatents : IDisposable
{
    private readonly Dictionary<AugClass, (Tensor Mu, Tensor LogVar)> statistics = [];

    public FrozenLatents(Lavae model, AlignedSets sets, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sets);
        using var noGrad = no_grad();
        foreach (var augClass in new[] { AugClass.Orig, AugClass.Aug1, AugClass.Aug2 })
        {
            var mus = new List<Tensor>();
            var logVars = new List<Tensor>();
            using var scope = NewDisposeScope();
            for (long start = 0; start < sets.Count; start += batchSize)
            {
                var indices = arange(start, Math.Min(start + batchSize, sets.Count), device: model.Device);
                var (mu, logVar) = model.Encode(sets.Batch(augClass, indices));
                mus.Add(mu);
                logVars.Add(logVar);
            }

            statistics[augClass] = (cat(mus).DetachFromDisposeScope(), cat(logVars).DetachFromDisposeScope());
        }
    }

    /// <summary>Reparameterised latents of images <paramref name="indices"/> of one set.</summary>
    public Tensor Sample(AugClass augClass, Tensor indices, Generator generator)
    {
        var (mu, logVar) = statistics[augClass];
        return VaeObjective.Reparameterize(mu.index_select(0, indices), logVar.index_select(0, indices), generator);
    }

    public void Dispose()
    {
        foreach (var (mu, logVar) in statistics.Values)
        {
            mu.Dispose();
            logVar.Dispose();
        }
    }
}
