namespace LaVae.Augmentations.Families;

/// <summary>
/// A parametrised family of augmentations (rotate, translate, gaussian_blur, ...) that an experiment's
/// <c>augmentations:</c> block instantiates, as torchvision's transforms and albumentations do. One
/// file per family, listed in <see cref="AugmentationFamilies"/>.
/// </summary>
public interface IAugmentationFamily
{
    /// <summary>The family's name in YAML, e.g. <c>rotate</c>.</summary>
    string Name { get; }

    /// <summary>One line for the docs: what it does and which library's output it matches.</summary>
    string Meaning { get; }

    /// <summary>Its parameters in canonical order (the order a definition's key lists them in).</summary>
    IReadOnlyList<FamilyParameter> Parameters { get; }

    /// <summary>
    /// A complaint about a combination of values the single bounds cannot express (a rectangle outside
    /// the image, an even kernel size), or null. Each value is already within its own bound.
    /// </summary>
    string? Check(IReadOnlyDictionary<string, ParameterValue> values);

    /// <summary>
    /// The augmentation for <paramref name="values"/> (every parameter present, checked), named
    /// <paramref name="id"/>, the definition's canonical text. Numbers that are ranges are drawn per
    /// image from the generator <see cref="Augmentation.Apply"/> receives, on the images' device.
    /// </summary>
    Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values);
}
