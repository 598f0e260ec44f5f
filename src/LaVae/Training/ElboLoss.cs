using LaVae.Models;

namespace LaVae.Training;

/// <summary>The negative ELBO every VAE-like stage descends, with its two terms for the training curves.</summary>
internal static class ElboLoss
{
    /// <summary>BCE(reconstruction, target) + λ_KL·KL(q(z|x) ‖ N(0, I)), summed over the batch; terms <c>bce</c> and <c>kl</c>.</summary>
    public static StageLoss Of(Tensor reconstruction, Tensor target, Tensor mu, Tensor logVar, double klWeight)
    {
        var bce = VaeObjective.Reconstruction(reconstruction, target);
        var kl = VaeObjective.KlDivergence(mu, logVar);
        return new StageLoss(bce + (klWeight * kl), [new("bce", bce), new("kl", kl)]);
    }
}
