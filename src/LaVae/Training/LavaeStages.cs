using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>The paper's three training stages of LAVAE (Section IV), each a loss over one batch.</summary>
public static class LavaeStages
{
    /// <summary>
    /// Stage 1, encoder + decoder 0 on the shuffled union of the four sets:
    /// BCE(decode(z), x) + λ_KL·KL(q(z|x) ‖ N(0, I)), z reparameterised.
    /// </summary>
    public static StageLoss Stage1(Lavae model, Tensor x, Generator generator, double klWeight)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (mu, logVar) = model.Encode(x);
        var z = VaeObjective.Reparameterize(mu, logVar, generator);
        return ElboLoss.Of(model.Decode(z), x, mu, logVar, klWeight);
    }

    /// <summary>
    /// Stage 2, only the maps: Σ_k MSE(z0·L_k, z_k) + λ_invol·Σ_k ‖I − L_k·L_k‖²_F, where z0 and z_k are
    /// reparameterised latents of x0 and A_k(x0) from the frozen encoder. The encoder is frozen, so
    /// its μ and log σ² per image are computed once (<see cref="FrozenLatents"/>) and only the
    /// reparameterisation noise is drawn per batch: the same loss as encoding every batch anew, for a
    /// fraction of the cost.
    /// </summary>
    public static StageLoss Stage2(Lavae model, FrozenLatents latents, Tensor indices, Generator generator, double involutoryWeight)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(latents);
        var z0 = latents.Sample(AugClass.Orig, indices, generator);
        var z1 = latents.Sample(AugClass.Aug1, indices, generator);
        var z2 = latents.Sample(AugClass.Aug2, indices, generator);
        return MapLoss(model, z0, z1, z2, involutoryWeight);
    }

    /// <summary>
    /// The paper's second ablation (Section IV-B): stages 1 and 2 merged into one stage with summed losses,
    /// encoder, decoder 0 and the maps trained together. Stage 1's loss on <paramref name="x"/> (a batch of
    /// the shuffled union of the four sets) plus stage 2's loss on the originals <paramref name="originals"/>
    /// of <paramref name="sets"/>, whose z0, z1, z2 now come from the live encoder, so the map fit also
    /// moves the encoder. The noise is drawn in the order stage 1 then stage 2 draw it.
    /// </summary>
    public static StageLoss Merged(Lavae model, Tensor x, AlignedSets sets, Tensor originals, Generator generator, double klWeight, double involutoryWeight)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sets);
        var elbo = Stage1(model, x, generator, klWeight);
        Tensor Sample(AugClass augClass)
        {
            var (mu, logVar) = model.Encode(sets.Batch(augClass, originals));
            return VaeObjective.Reparameterize(mu, logVar, generator);
        }

        var z0 = Sample(AugClass.Orig);
        var z1 = Sample(AugClass.Aug1);
        var z2 = Sample(AugClass.Aug2);
        var maps = MapLoss(model, z0, z1, z2, involutoryWeight);
        return new StageLoss(elbo.Total + maps.Total, [.. elbo.Terms, .. maps.Terms]);
    }

    /// <summary>
    /// Stage 3 (equation 7), only a new head θ_T for a target pair (A3, A4) over the frozen latent space
    /// of (A1, A2): x0 ← θ_T(z0), A3(x0) ← θ_T(z0·L1), A4(x0) ← θ_T(z0·L2), A4(A3(x0)) ← θ_T(z0·L1·L2),
    /// summed BCE, z0 the encoder mean of x0 (precomputed in <paramref name="latents"/>). The four terms
    /// go through the head as one batch. Without <paramref name="trainComposition"/> the last term is
    /// left out: the authors' code decodes it through its first transfer head, so no gradient of it
    /// reaches any later head.
    /// </summary>
    public static StageLoss Stage3(ConvDecoder head, TransferLatents latents, AlignedSets target, Tensor indices, bool trainComposition = true)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(latents);
        ArgumentNullException.ThrowIfNull(target);
        AugClass[] terms = trainComposition
            ? [AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]
            : [AugClass.Orig, AugClass.Aug1, AugClass.Aug2];
        var z = cat(terms.Select(term => latents[term].index_select(0, indices)).ToArray());
        var x = cat(terms.Select(term => target.Batch(term, indices)).ToArray());
        return StageLoss.Single("bce", VaeObjective.Reconstruction(head.forward(z), x));
    }

    /// <summary>Stage 2's loss on given latents: Σ_k MSE(z0·L_k, z_k) + λ_invol·Σ_k ‖I − L_k·L_k‖²_F.</summary>
    private static StageLoss MapLoss(Lavae model, Tensor z0, Tensor z1, Tensor z2, double involutoryWeight)
    {
        var fit = nn.functional.mse_loss(model.Augment(z0, 0), z1) + nn.functional.mse_loss(model.Augment(z0, 1), z2);
        var involution = model.Maps[0].InvolutoryPenalty() + model.Maps[1].InvolutoryPenalty();
        return new StageLoss(fit + (involutoryWeight * involution), [new("map_mse", fit), new("involutory", involution)]);
    }
}
