using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// scale: a zoom about the image centre (13.5, 13.5), bilinear, zero fill; exactly
/// cv2.warpAffine(img, cv2.getRotationMatrix2D((13.5, 13.5), 0, factor), (28, 28)).
/// </summary>
public sealed class Scale : IAugmentationFamily
{
    public string Name => "scale";

    public string Meaning => "zoom about the centre, bilinear, zero fill (cv2.warpAffine with cv2.getRotationMatrix2D at angle 0)";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.Number("factor", 0.1, 4, "size factor: above 1 enlarges, below 1 shrinks"),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values) => null;

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var factor = FamilyValues.Number(values, "factor");
        return new DeclaredAugmentation(id, (images, generator) =>
            Apply(images, FamilyValues.PerImage(factor, generator, images.size(0), images.device)));
    }

    /// <summary>The zoom by given factors (N float64 values), one per image.</summary>
    internal static Tensor Apply(Tensor images, Tensor factors) =>
        AffineWarp.Apply(images, AffineWarp.RotationMatrices(zeros_like(factors, ScalarType.Float64), factors.to(ScalarType.Float64)));
}
