namespace LaVae.Augmentations;

/// <summary>The paper's augmentations by name (section 3 of docs/paper.md).</summary>
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

    /// <summary>Every known name, in the order of the paper's list.</summary>
    public static IReadOnlyList<string> Names { get; } = Known.Select(augmentation => augmentation.Name).ToArray();

    /// <summary>The augmentation called <paramref name="name"/> (exact, case-sensitive, as the paper spells it).</summary>
    public static Augmentation Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Array.Find(Known, augmentation => augmentation.Name == name)
            ?? throw new ArgumentException($"unknown augmentation '{name}'; known: {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>The pair (A1, A2) by name.</summary>
    public static AugmentationPair Pair(string first, string second) => new(Get(first), Get(second));
}
