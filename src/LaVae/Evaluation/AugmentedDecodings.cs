using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// What a LAVAE decodes from latents z and their augmentations: one row of tiles each for z, z·L1,
/// z·L2 and z·L1·L2 (decoder 0), labelled with the pair's names, for the sampling and interpolation
/// figures (Fig. 13, 14).
/// </summary>
public static class AugmentedDecodings
{
    public static IReadOnlyList<string> RowLabels(IReadOnlyList<string> pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return ["decoded z", $"z·L1 ({pair[0]})", $"z·L2 ({pair[1]})", "z·L1·L2 (compose)"];
    }

    /// <param name="z">(B, latent) latents.</param>
    public static IReadOnlyList<IReadOnlyList<byte[]>> Rows(Lavae model, Tensor z)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor[] latents = [z, model.Augment(z, 0), model.Augment(z, 1), model.Compose(z)];
        return latents.Select(latent => ReconstructionGrid.Tiles(ReconstructionGrid.ToPixels(model.Decode(latent)))).ToList();
    }
}
