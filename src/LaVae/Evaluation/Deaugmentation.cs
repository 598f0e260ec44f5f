using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// Undoes an aligned set's augmentation on model-input images (B, 1, 28, 28) where it can be undone
/// exactly: a flip is its own inverse and a quarter turn is undone by the opposite turn; the composition
/// A2(A1(x)) is undone as A1⁻¹(A2⁻¹(y)). The other augmentations lose information (mini_image,
/// edge_detect, canny, the noises, blur) or resample the grid (shearX), so they have no exact inverse.
/// </summary>
public static class Deaugmentation
{
    // Dimensions 2 and 3 are rows and columns of (B, 1, H, W); the augmentations flip and turn (N, H, W).
    private static readonly Dictionary<string, Func<Tensor, Tensor>> Inverses = new(StringComparer.Ordinal)
    {
        ["flip_lr"] = images => images.flip(3),
        ["flip_ud"] = images => images.flip(2),
        ["rotate_cw"] = images => images.rot90(1, (2, 3)),
        ["rotate_ccw"] = images => images.rot90(-1, (2, 3)),
    };

    /// <summary>Whether every augmentation that made <paramref name="set"/> of <paramref name="pair"/> has an exact inverse.</summary>
    public static bool IsExact(IReadOnlyList<string> pair, AugClass set)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return Augmentations(pair, set).All(Inverses.ContainsKey);
    }

    /// <summary>The images of <paramref name="set"/> taken back to the originals' orientation.</summary>
    public static Tensor Undo(Tensor images, IReadOnlyList<string> pair, AugClass set)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(pair);
        var undone = images;
        foreach (var augmentation in Augmentations(pair, set).Reverse())
        {
            undone = Inverses.TryGetValue(augmentation, out var inverse)
                ? inverse(undone)
                : throw new InvalidOperationException($"'{augmentation}' has no exact inverse");
        }

        return undone;
    }

    // The augmentations that made the set, in the order they were applied.
    private static IEnumerable<string> Augmentations(IReadOnlyList<string> pair, AugClass set) => set switch
    {
        AugClass.Orig => [],
        AugClass.Aug1 => [pair[0]],
        AugClass.Aug2 => [pair[1]],
        AugClass.Compose => [pair[0], pair[1]],
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, null),
    };
}
