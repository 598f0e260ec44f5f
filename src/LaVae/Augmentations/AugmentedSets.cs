using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// The four aligned image sets an augmentation pair makes of a batch x0: x0, A1(x0), A2(x0) and
/// A2(A1(x0)); image i of every set comes from image i of x0.
/// </summary>
public sealed record AugmentedSets(Tensor Original, Tensor First, Tensor Second, Tensor Composed, IReadOnlyList<string> Names)
{
    /// <summary>The sets in the order of <see cref="Names"/>: orig, A1, A2, A1+A2.</summary>
    public IReadOnlyList<Tensor> Images => [Original, First, Second, Composed];
}
