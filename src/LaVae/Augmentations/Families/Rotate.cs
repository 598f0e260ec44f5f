using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// rotate: a rotation about the image centre (13.5, 13.5), positive counterclockwise, bilinear, zero
/// fill; exactly cv2.warpAffine(img, cv2.getRotationMatrix2D((13.5, 13.5), degrees, 1.0), (28, 28)).
/// </summary>
public sealed class Rotate : IAugmentationFamily
{
    public string Name => "rotate";

    public string Meaning => "rotation about the centre, counterclockwise, bilinear, zero fill (cv2.warpAffine with cv2.getRotationMatrix2D)";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Number("degrees", -360, 360, "angle in degrees, positive counterclockwise"),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) => null;

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var degrees = FamilyValues.Number(values, "degrees");
        return new DeclaredAugmentation(id, (images, generator) =>
            Apply(images, FamilyValues.PerImage(degrees, generator, images.size(0), images.device)));
    }

    /// <summary>The rotation by given angles in degrees (N float64 values), one per image.</summary>
    internal static Tensor Apply(Tensor images, Tensor degrees) =>
        AffineWarp.Apply(images, AffineWarp.RotationMatrices(degrees.to(ScalarType.Float64), ones_like(degrees, ScalarType.Float64)));
}
