using LaVae.Torch;

namespace LaVae.Models;

/// <summary>The pieces of the ELBO every model here trains with (paper Section IV).</summary>
public static class VaeObjective
{
    /// <summary>z = μ + σ·ε, ε ~ N(0, I), σ = exp(½ log σ²).</summary>
    public static Tensor Reparameterize(Tensor mu, Tensor logVar, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(logVar);
        var epsilon = randn(mu.shape, dtype: mu.dtype, device: mu.device, generator: generator);
        return mu + ((logVar * 0.5).exp() * epsilon);
    }

    /// <summary>KL(q(z|x) ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²), summed over the batch.</summary>
    public static Tensor KlDivergence(Tensor mu, Tensor logVar) =>
        -0.5 * (1 + logVar - mu.square() - logVar.exp()).sum();

    /// <summary>Binary cross-entropy of the reconstruction, summed over pixels and batch.</summary>
    public static Tensor Reconstruction(Tensor reconstruction, Tensor target) =>
        nn.functional.binary_cross_entropy(reconstruction, target, reduction: nn.Reduction.Sum);
}
