namespace LaVae.Augmentations.Families;

/// <summary>
/// erase: fills a rectangle with one grey level; exactly
/// torchvision.transforms.functional.erase(img, i=y, j=x, h=height, w=width, v=value).
/// </summary>
public sealed class Erase : IAugmentationFamily
{
    public string Name => "erase";

    public string Meaning => "fills a rectangle with one grey level (torchvision.transforms.functional.erase)";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Number("x", 0, ImageBatch.Side - 1, "left column of the rectangle (0 is the image's left edge)", range: false, integer: true),
        FamilyParameter.Number("y", 0, ImageBatch.Side - 1, "top row of the rectangle (0 is the image's top edge)", range: false, integer: true),
        FamilyParameter.Number("width", 1, ImageBatch.Side, "width of the rectangle in pixels", range: false, integer: true),
        FamilyParameter.Number("height", 1, ImageBatch.Side, "height of the rectangle in pixels", range: false, integer: true),
        FamilyParameter.Number("value", 0, 255, "grey level the rectangle is filled with", defaultValue: 0, range: false, integer: true),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) =>
        FamilyValues.Fixed(values, "x") + FamilyValues.Fixed(values, "width") > ImageBatch.Side
        || FamilyValues.Fixed(values, "y") + FamilyValues.Fixed(values, "height") > ImageBatch.Side
            ? $"the rectangle must lie inside the {ImageBatch.Side}x{ImageBatch.Side} image (x + width and y + height at most {ImageBatch.Side})."
            : null;

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var (x, y) = ((long)FamilyValues.Fixed(values, "x"), (long)FamilyValues.Fixed(values, "y"));
        var (width, height) = ((long)FamilyValues.Fixed(values, "width"), (long)FamilyValues.Fixed(values, "height"));
        var value = (byte)FamilyValues.Fixed(values, "value");
        return new DeclaredAugmentation(id, (images, _) => Apply(images, x, y, width, height, value));
    }

    /// <summary>A copy of the images with rows y..y+height−1, columns x..x+width−1 set to value.</summary>
    internal static Tensor Apply(Tensor images, long x, long y, long width, long height, byte value)
    {
        var erased = images.clone();
        erased.narrow(1, y, height).narrow(2, x, width).fill_(value);
        return erased;
    }
}
