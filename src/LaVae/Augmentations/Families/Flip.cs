namespace LaVae.Augmentations.Families;

/// <summary>
/// flip: a mirror image; exactly cv2.flip(img, 1) for horizontal (left-right), cv2.flip(img, 0) for
/// vertical (up-down), cv2.flip(img, -1) for both.
/// </summary>
public sealed class Flip : IAugmentationFamily
{
    public string Name => "flip";

    public string Meaning => "mirror left-right, up-down or both (cv2.flip with 1, 0, -1)";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Word("axis", ["horizontal", "vertical", "both"], "horizontal swaps left and right, vertical swaps top and bottom, both does the two (a half turn)"),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) => null;

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        long[] dimensions = FamilyValues.Word(values, "axis") switch
        {
            "horizontal" => [2],
            "vertical" => [1],
            _ => [1, 2],
        };
        return new DeclaredAugmentation(id, (images, _) => images.flip(dimensions));
    }
}
