using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>The two ways the paper trains its CVAE baseline.</summary>
public static class CvaeStages
{
    /// <summary>
    /// Traditional: reconstruct each image x_c of the union of the four sets given its own class c:
    /// BCE(decode(z, c), x_c) + λ_KL·KL, z ~ q(z | x_c, c). Example i of the union is image i mod N of
    /// set i div N.
    /// </summary>
    public static StageLoss Traditional(Cvae model, Tensor union, long setSize, Tensor indices, Generator generator, double klWeight)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(union);
        var x = AlignedSets.ToModelInput(union.index_select(0, indices));
        var condition = model.OneHot(indices.floor_divide(setSize).to(ScalarType.Int64));
        var (mu, logVar) = model.Encode(x, condition);
        var z = VaeObjective.Reparameterize(mu, logVar, generator);
        return ElboLoss.Of(model.Decode(z, condition), x, mu, logVar, klWeight);
    }

    /// <summary>The classes the augmentation-invariant CVAE is trained to decode (see <see cref="AugmentationInvariant"/>).</summary>
    public static readonly AugClass[] AugmentationInvariantTargets = [AugClass.Orig, AugClass.Aug1, AugClass.Aug2];

    /// <summary>
    /// Augmentation-invariant: z ~ q(z | x0, orig), target A_k(x0) decoded with class k:
    /// BCE(decode(z, k), A_k(x0)) + λ_KL·KL. The targets are orig, A1 and A2 only: the composition is
    /// never a training target (as LAVAE never trains its composed map), so its class is the test of
    /// whether the CVAE composes. <paramref name="targets"/> is the union of the target sets
    /// (<see cref="AugmentationInvariantTargets"/>); example i is digit i mod N with target class i div N.
    /// </summary>
    public static StageLoss AugmentationInvariant(Cvae model, AlignedSets sets, Tensor targets, Tensor indices, Generator generator, double klWeight)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(targets);
        var digits = indices.remainder(sets.Count).to(ScalarType.Int64);
        var targetClass = model.OneHot(indices.floor_divide(sets.Count).to(ScalarType.Int64));
        var target = AlignedSets.ToModelInput(targets.index_select(0, indices));
        var (mu, logVar) = model.Encode(sets.Batch(AugClass.Orig, digits), model.OneHot(AugClass.Orig, digits.size(0)));
        var z = VaeObjective.Reparameterize(mu, logVar, generator);
        return ElboLoss.Of(model.Decode(z, targetClass), target, mu, logVar, klWeight);
    }
}
