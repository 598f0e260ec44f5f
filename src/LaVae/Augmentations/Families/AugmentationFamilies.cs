namespace LaVae.Augmentations.Families;

/// <summary>Every augmentation family an experiment may declare from, by name.</summary>
public static class AugmentationFamilies
{
    /// <summary>The family that applies a list of augmentations in order; its steps are declarations, not parameters.</summary>
    public const string Sequence = "sequence";

    public static IReadOnlyList<IAugmentationFamily> All { get; } =
    [
        new Rotate(),
        new Shear(),
        new Translate(),
        new Scale(),
        new Affine(),
        new Flip(),
        new GaussianBlurFamily(),
        new GaussianNoise(),
        new SaltAndPepper(),
        new Invert(),
        new Erase(),
        new Elastic(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(family => family.Name), Sequence];

    public static IAugmentationFamily? Find(string name) => All.FirstOrDefault(family => family.Name == name);
}
