using LaVae.Torch;

namespace LaVae.Models;

/// <summary>
/// CSVAE's two objectives (Klys et al. 2018, Section 3), written as losses to minimise:
///   M1 (encoders and decoder):  β1·BCE(x̂, x) + β2·KL(q(w|x,y) ‖ p(w|y)) + β3·KL(q(z|x) ‖ N(0, I))
///                               + β4·Σ_y q_δ(y|z) log q_δ(y|z)
///   M2 (the adversary):         −β5·log q_δ(y|z), with z held fixed
/// The β4 term is the negative entropy of the adversary's prediction: the encoder lowers it by making
/// z uninformative of y (the mutual-information bound), while the adversary raises its likelihood of y
/// from z. The paper's constant log p(y) is left out (it has no parameters). Everything is summed over
/// the batch, as every loss here.
/// </summary>
public static class CsvaeObjective
{
    /// <summary>
    /// β1 on the summed per-image BCE, the reconstruction term every model in this harness trains
    /// and is scored with. The CSVAE paper's β1 = 20 weighs a per-pixel mean squared error; a sum
    /// over 784 pixels already outweighs such a mean, so 1 keeps this model's ELBO the same as the
    /// CVAEs' and LAVAE's, where the comparison of Table I needs it.
    /// </summary>
    public const double ReconstructionWeight = 1.0;

    /// <summary>
    /// β2 = 1 (KL of w), β3 = 0.2 (KL of z), β4 = 10 (adversary entropy): the weights of the public
    /// PyTorch CSVAE of Lyzhov et al. (alexlyzhov/latent-subspaces, csvae_toy/definitions.py: 20·recon
    /// + 1·KL_w + 0.2·KL_z + 10·negentropy), taken as the paper's. β5 = 1: that code and the TF CSVAE
    /// of Singla et al. train the adversary on its plain cross-entropy.
    /// </summary>
    public const double WKlWeight = 1.0;

    public const double ZKlWeight = 0.2;

    public const double AdversaryEntropyWeight = 10.0;

    public const double AdversaryLikelihoodWeight = 1.0;

    /// <summary>
    /// KL(N(μ, σ²) ‖ N(μp, σp²)) of diagonal Gaussians, summed:
    /// ½ Σ [log σp² − log σ² + (σ² + (μ − μp)²) / σp² − 1].
    /// </summary>
    public static Tensor KlDivergence(Tensor mu, Tensor logVar, Tensor priorMu, Tensor priorLogVar)
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(logVar);
        ArgumentNullException.ThrowIfNull(priorMu);
        ArgumentNullException.ThrowIfNull(priorLogVar);
        var ratio = (logVar.exp() + (mu - priorMu).square()) / priorLogVar.exp();
        return 0.5 * (priorLogVar - logVar + ratio - 1).sum();
    }

    /// <summary>
    /// log σ(l) = −softplus(−l), with softplus(x) = max(x, 0) + log(1 + exp(−|x|)): finite for every
    /// logit, where log(sigmoid(l)) underflows to −∞ past l ≈ −88 in float32.
    /// </summary>
    public static Tensor LogSigmoid(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var negated = -logits;
        return -(negated.relu() + (-logits.abs()).exp().log1p());
    }

    /// <summary>
    /// Σ over batch and labels of q log q + (1 − q) log(1 − q), q = σ(logit): the adversary's negative
    /// entropy, 0 when it is certain and −log 2 per label at chance.
    /// </summary>
    public static Tensor NegativeEntropy(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var q = logits.sigmoid();
        return ((q * LogSigmoid(logits)) + ((1 - q) * LogSigmoid(-logits))).sum();
    }

    /// <summary>log q_δ(y|z) = Σ y log q + (1 − y) log(1 − q) over batch and labels; y of 0/1.</summary>
    public static Tensor LogLikelihood(Tensor logits, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(y);
        return ((y * LogSigmoid(logits)) + ((1 - y) * LogSigmoid(-logits))).sum();
    }
}
