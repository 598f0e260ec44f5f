using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// translate: a shift by (x, y) pixels, fractional shifts bilinear, zero fill; exactly
/// cv2.warpAffine(img, [[1, 0, x], [0, 1, y]], (28, 28)).
/// </summary>
public sealed class Translate : IAugmentationFamily
{
    public string Name => "translate";

    public string Meaning => "shift by pixels, bilinear for fractions, zero fill (cv2.warpAffine with [[1, 0, x], [0, 1, y]])";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Number("x", -ImageBatch.Side, ImageBatch.Side, "shift in pixels, positive to the right", defaultValue: 0),
        FamilyParameter.Number("y", -ImageBatch.Side, ImageBatch.Side, "shift in pixels, positive downwards", defaultValue: 0),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) => null;

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var x = FamilyValues.Number(values, "x");
        var y = FamilyValues.Number(values, "y");
        return new DeclaredAugmentation(id, (images, generator) =>
        {
            var xShift = FamilyValues.PerImage(x, generator, images.size(0), images.device);
            var yShift = FamilyValues.PerImage(y, generator, images.size(0), images.device);
            return Apply(images, xShift, yShift);
        });
    }

    /// <summary>The shift by given pixels (N float64 values each), one pair per image.</summary>
    internal static Tensor Apply(Tensor images, Tensor x, Tensor y)
    {
        var xShift = x.to(ScalarType.Float64);
        var one = ones_like(xShift);
        var zero = zeros_like(xShift);
        return AffineWarp.Apply(images, AffineWarp.Matrices(one, zero, xShift, zero, one, y.to(ScalarType.Float64)));
    }
}
