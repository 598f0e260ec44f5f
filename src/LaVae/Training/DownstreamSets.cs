using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>Where the extra training images of a downstream classifier come from (issue 12, part 3).</summary>
public enum DownstreamSource
{
    /// <summary>(a) The labelled digits alone.</summary>
    None,

    /// <summary>(b) The pair's image-space augmentations: A1(x), A2(x) or A2(A1(x)).</summary>
    ImageAugmentations,

    /// <summary>(c) LAVAE's latent augmentations: decode(μ(x)·L1), decode(μ(x)·L2) or decode(μ(x)·L1·L2).</summary>
    LatentAugmentations,

    /// <summary>(d) A latent navigation of each digit (<see cref="LatentNavigation"/>) in the same latent space.</summary>
    LatentNavigation,
}

/// <summary>
/// The labelled training set of a downstream classifier: the first N labelled digits, then for every
/// source but (a) one augmented image of each digit with its label, 2N images in all, so the sources
/// differ in what they add, not in how much. (b) and (c) give digit i the (i mod 3)-th of A1, A2 and
/// their composition; (d) one navigation. Augmented images are stored as uint8 as the data are,
/// rounded from the decoder's probabilities.
/// </summary>
public static class DownstreamSets
{
    /// <summary>Augmented images per labelled digit, for every source that adds any.</summary>
    public const int AugmentedPerDigit = 1;

    /// <param name="digits">The first N labelled training digits.</param>
    /// <param name="pairSets">The pair's aligned sets of the same N digits (read by (b)).</param>
    /// <param name="space">The pair's LAVAE latent space (read by (c) and (d)).</param>
    public static LabelledImages Build(
        DownstreamSource source, LabelledImages digits, AlignedSets? pairSets, Lavae? space, LatentNavigation.Settings navigation, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(digits);
        using var scope = NewDisposeScope();
        IReadOnlyList<Tensor> extra = source switch
        {
            DownstreamSource.None => [],
            DownstreamSource.ImageAugmentations => ImageAugmented(pairSets ?? throw new ArgumentNullException(nameof(pairSets))),
            DownstreamSource.LatentAugmentations => LatentAugmented(space ?? throw new ArgumentNullException(nameof(space)), digits.Images),
            DownstreamSource.LatentNavigation => Navigated(space ?? throw new ArgumentNullException(nameof(space)), digits.Images, navigation, generator),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
        };
        var images = cat([digits.Images, .. extra]);
        var labels = cat(Enumerable.Repeat(digits.Labels, 1 + extra.Count).ToArray());
        return new LabelledImages(images.DetachFromDisposeScope(), labels.DetachFromDisposeScope());
    }

    private static Tensor[] ImageAugmented(AlignedSets sets) => [Cycle(sets[AugClass.Aug1], sets[AugClass.Aug2], sets[AugClass.Compose])];

    private static Tensor[] LatentAugmented(Lavae space, Tensor images)
    {
        using var noGrad = no_grad();
        var z = space.Encode(AlignedSets.ToModelInput(images)).Mu;
        return [Cycle(ToPixels(space.Decode(space.Augment(z, 0))), ToPixels(space.Decode(space.Augment(z, 1))), ToPixels(space.Decode(space.Compose(z))))];
    }

    /// <summary>Image i of the (i mod 3)-th set: every digit gets one augmentation, each kind a third of them.</summary>
    public static Tensor Cycle(Tensor aug1, Tensor aug2, Tensor compose)
    {
        ArgumentNullException.ThrowIfNull(aug1);
        var kind = arange(0, aug1.size(0), device: aug1.device).remainder(3).view(-1, 1, 1);
        return where(kind.eq(0), aug1, where(kind.eq(1), aug2, compose));
    }

    private static Tensor[] Navigated(Lavae space, Tensor images, LatentNavigation.Settings settings, Generator generator)
    {
        var x = AlignedSets.ToModelInput(images);
        Tensor z;
        using (no_grad())
        {
            z = space.Encode(x).Mu;
        }

        // The decoder's weights must not collect gradients from the navigation: it is a trained part.
        space.Heads[0].RequiresGrad(false);
        try
        {
            return Enumerable.Range(0, AugmentedPerDigit).Select(_ =>
            {
                var end = LatentNavigation.Navigate(latents => space.Decode(latents), x, z, settings, generator);
                using var noGrad = no_grad();
                return ToPixels(space.Decode(end.Latents));
            }).ToArray();
        }
        finally
        {
            space.Heads[0].RequiresGrad(true);
        }
    }

    // Probabilities (N, 1, 28, 28) → uint8 (N, 28, 28), rounded as the dataset's bytes are.
    private static Tensor ToPixels(Tensor probabilities) => (probabilities * 255.0).round().clamp(0, 255).to(ScalarType.Byte).squeeze(1);
}
