using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// shear: a shear about the image centre c = 13.5 by angles x (horizontal) and y (vertical), bilinear,
/// zero fill; exactly cv2.warpAffine(img, M, (28, 28)) with the forward matrix
/// M = [[1, tan(x), −tan(x)·c], [tan(y), 1, −tan(y)·c]]: x' = x + tan(x)·(y − c), y' = y + tan(y)·(x − c),
/// so the centre row and column stay put. Unlike the paper's shearX (imgaug, scikit-image before
/// 0.21) it does not also squeeze the rows.
/// </summary>
public sealed class Shear : IAugmentationFamily
{
    public string Name => "shear";

    public string Meaning => "shear about the centre by angles in degrees, bilinear, zero fill (cv2.warpAffine with [[1, tan x, −13.5·tan x], [tan y, 1, −13.5·tan y]])";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Number("x", -80, 80, "horizontal shear in degrees: rows below the centre move right for positive x", defaultValue: 0),
        FamilyParameter.Number("y", -80, 80, "vertical shear in degrees: columns right of the centre move down for positive y", defaultValue: 0),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) => null;

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var x = FamilyValues.Number(values, "x");
        var y = FamilyValues.Number(values, "y");
        return new DeclaredAugmentation(id, (images, generator) =>
        {
            // Drawn in parameter order: x for every image, then y.
            var xDegrees = FamilyValues.PerImage(x, generator, images.size(0), images.device);
            var yDegrees = FamilyValues.PerImage(y, generator, images.size(0), images.device);
            return Apply(images, xDegrees, yDegrees);
        });
    }

    /// <summary>The shear by given angles in degrees (N float64 values each), one pair per image.</summary>
    internal static Tensor Apply(Tensor images, Tensor xDegrees, Tensor yDegrees)
    {
        const double centre = ImageBatch.Side / 2.0 - 0.5;
        var tanX = (xDegrees.to(ScalarType.Float64) * (Math.PI / 180)).tan();
        var tanY = (yDegrees.to(ScalarType.Float64) * (Math.PI / 180)).tan();
        var one = ones_like(tanX);
        return AffineWarp.Apply(images, AffineWarp.Matrices(one, tanX, -tanX * centre, tanY, one, -tanY * centre));
    }
}
