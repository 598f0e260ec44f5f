using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// Whether two operations commute (paper section 5, composability): the relative difference between
/// "first, then second" and "second, then first", mean ‖g(f(x)) − f(g(x))‖ / mean ‖g(f(x))‖.
/// In latent space f, g are z ↦ z·L1 and z ↦ z·L2, so the reference is z·L1·L2 (the composition)
/// and the other order z·L2·L1; in image space they are A1 and A2.
/// </summary>
public static class Commutator
{
    /// <summary>The relative commutator of <paramref name="first"/> and <paramref name="second"/> on <paramref name="x"/>, as a scalar tensor.</summary>
    public static Tensor Of(Tensor x, Func<Tensor, Tensor> first, Func<Tensor, Tensor> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return RelativeDifference.Of(first(second(x)), second(first(x)));
    }

    /// <summary>
    /// The image-space commutator of A1 and A2 on uint8 digits (N, 28, 28), compared as model inputs
    /// in [0, 1]. Random augmentations (edge_detect, shearX, canny) draw each image's parameters from
    /// a generator seeded the same way in both orders, so A1 gets the same draw whether it runs first
    /// or second, and only the order differs.
    /// </summary>
    public static Tensor OfImages(Tensor originals, Augmentation first, Augmentation second, ulong seed)
    {
        var composed = Apply(second, seed, 2, Apply(first, seed, 1, originals));
        var reversed = Apply(first, seed, 1, Apply(second, seed, 2, originals));
        return RelativeDifference.Of(AlignedSets.ToModelInput(reversed), AlignedSets.ToModelInput(composed));
    }

    /// <summary>
    /// How much the composed image A2(A1(x0)) moves when only the random draws change (seed against
    /// seed + 1, the same order): the noise floor under the image commutator of a random pair. Zero
    /// for deterministic pairs.
    /// </summary>
    public static Tensor RedrawDifference(Tensor originals, Augmentation first, Augmentation second, ulong seed)
    {
        var composed = Apply(second, seed, 2, Apply(first, seed, 1, originals));
        var redrawn = Apply(second, seed + 1, 2, Apply(first, seed + 1, 1, originals));
        return RelativeDifference.Of(AlignedSets.ToModelInput(redrawn), AlignedSets.ToModelInput(composed));
    }

    // One augmentation with a draw fixed by (seed, stream), on the images' device.
    private static Tensor Apply(Augmentation augmentation, ulong seed, ulong stream, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(augmentation);
        ArgumentNullException.ThrowIfNull(images);
        using var generator = new Generator(unchecked((seed * 4) + stream), images.device);
        return augmentation.Apply(images, generator);
    }
}
