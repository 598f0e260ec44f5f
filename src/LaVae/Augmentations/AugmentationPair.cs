using LaVae.Data;
using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>An augmentation pair (A1, A2) of the paper; its composition applies A1 first, then A2.</summary>
public sealed class AugmentationPair
{
    /// <summary>The name of the unaugmented set.</summary>
    public const string OriginalName = "orig";

    public AugmentationPair(Augmentation first, Augmentation second)
    {
        First = first ?? throw new ArgumentNullException(nameof(first));
        Second = second ?? throw new ArgumentNullException(nameof(second));
    }

    public Augmentation First { get; }

    public Augmentation Second { get; }

    /// <summary>The pair as the paper's tables name it, e.g. <c>flip_lr,flip_ud</c>.</summary>
    public string Name => $"{First.Name},{Second.Name}";

    /// <summary>The composition's name, e.g. <c>flip_lr+flip_ud</c> for A2(A1(x)).</summary>
    public string ComposedName => $"{First.Name}+{Second.Name}";

    /// <summary>The names of the four sets: orig, A1, A2, A1+A2.</summary>
    public IReadOnlyList<string> SetNames => [OriginalName, First.Name, Second.Name, ComposedName];

    /// <summary>
    /// The four aligned sets of <paramref name="originals"/> (uint8, (N, 28, 28)); the first is
    /// <paramref name="originals"/> itself. Each augmented set draws from its own generator on the
    /// images' device, seeded <c>4·seed + k</c> (k = 1: A1, 2: A2, 3: the A2 of the composition;
    /// k = 0 is the unaugmented set's, which draws nothing), so one seed fixes all four sets and no
    /// set's randomness depends on another's. The composition applies A2 to the very images of the
    /// A1 set, so A1(x0) and A2(A1(x0)) stay aligned.
    /// </summary>
    public AlignedSets Apply(Tensor originals, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(originals);
        var device = originals.device;
        using var firstGenerator = new Generator(StreamSeed(seed, 1), device);
        using var secondGenerator = new Generator(StreamSeed(seed, 2), device);
        using var composedGenerator = new Generator(StreamSeed(seed, 3), device);
        var first = First.Apply(originals, firstGenerator);
        var second = Second.Apply(originals, secondGenerator);
        var composed = Second.Apply(first, composedGenerator);
        return new AlignedSets(originals, first, second, composed);
    }

    public override string ToString() => Name;

    private static ulong StreamSeed(ulong seed, ulong set) => unchecked((seed * 4) + set);
}
