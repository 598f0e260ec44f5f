namespace LaVae.Augmentations.Families;

/// <summary>invert: 255 − x, torchvision's functional.invert on uint8 images.</summary>
public sealed class Invert : IAugmentationFamily
{
    public string Name => "invert";

    public string Meaning => "255 − x (torchvision.transforms.functional.invert)";

    public IReadOnlyList<FamilyParameter> Parameters { get; } = [];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) => null;

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values) =>
        new DeclaredAugmentation(id, (images, _) => images.bitwise_not());
}
