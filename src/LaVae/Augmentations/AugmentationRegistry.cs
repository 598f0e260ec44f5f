using System.Collections.Concurrent;

namespace LaVae.Augmentations;

/// <summary>
/// The paper's augmentations by name (section 3 of docs/paper.md), and the augmentations experiments
/// declare from families, by their canonical definition (<see cref="Families.AugmentationDefinitionText"/>).
/// </summary>
public static class AugmentationRegistry
{
    private static readonly Augmentation[] Known =
    [
        new FlipLeftRight(),
        new FlipUpDown(),
        new RotateClockwise(),
        new RotateCounterclockwise(),
        new MiniImage(),
        new EdgeDetect(),
        new ShearX(),
        new Canny(),
        new GaussianBlur(),
        new TopLeftNoise(),
        new SaltAndPepperNoise(),
    ];

    // A definition's text says everything it does, so one text is one augmentation whichever file declared it.
    private static readonly ConcurrentDictionary<string, Augmentation> Declared = new(StringComparer.Ordinal);

    /// <summary>Every known name, in the order of the paper's list.</summary>
    public static IReadOnlyList<string> Names { get; } = Known.Select(augmentation => augmentation.Name).ToArray();

    /// <summary>
    /// The augmentation called <paramref name="name"/>: one of the paper's (exact, case-sensitive, as the
    /// paper spells it), or a declared one by its definition.
    /// </summary>
    public static Augmentation Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Array.Find(Known, augmentation => augmentation.Name == name)
            ?? (Declared.TryGetValue(name, out var declared) ? declared : null)
            ?? throw new ArgumentException($"unknown augmentation '{name}'; known: {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Makes a declared augmentation known by its definition (<see cref="Augmentation.Name"/>); declaring one definition again keeps the first.</summary>
    public static void Declare(Augmentation augmentation)
    {
        ArgumentNullException.ThrowIfNull(augmentation);
        if (Array.Exists(Known, known => known.Name == augmentation.Name))
        {
            throw new ArgumentException($"'{augmentation.Name}' is one of the paper's augmentations", nameof(augmentation));
        }

        Declared.TryAdd(augmentation.Name, augmentation);
    }

    /// <summary>The pair (A1, A2) by name.</summary>
    public static AugmentationPair Pair(string first, string second) => new(Get(first), Get(second));
}
