using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// affine: any invertible affine map, given as its forward 2x3 matrix (row-major), bilinear, zero
/// fill; exactly cv2.warpAffine(img, M, (28, 28)). A singular matrix is refused: OpenCV would sample
/// every pixel from the origin.
/// </summary>
public sealed class Affine : IAugmentationFamily
{
    public string Name => "affine";

    public string Meaning => "any invertible affine map by its forward 2x3 matrix, bilinear, zero fill (cv2.warpAffine)";

    public IReadOnlyList<FamilyParameter> Parameters { get; } =
    [
        FamilyParameter.List("matrix", 6, "forward matrix [a, b, c, d, e, f], row-major: x' = a·x + b·y + c, y' = d·x + e·y + f (pixels, origin at the top-left pixel's centre)", min: -100, max: 100),
    ];

    public string? Check(IReadOnlyDictionary<string, ParameterValue> values)
    {
        var m = FamilyValues.List(values, "matrix");
        return m[0] * m[4] - m[1] * m[3] == 0 ? "the matrix's 2x2 part [a, b; d, e] must be invertible (its determinant a·e − b·d is 0)." : null;
    }

    public Augmentation Create(string id, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var matrix = FamilyValues.List(values, "matrix").ToArray();
        return new DeclaredAugmentation(id, (images, _) =>
            Apply(images, tensor(matrix, ScalarType.Float64, images.device).view(1, 2, 3).expand(images.size(0), 2, 3)));
    }

    /// <summary>The warp by given forward matrices (N, 2, 3), one per image.</summary>
    internal static Tensor Apply(Tensor images, Tensor forward) => AffineWarp.Apply(images, forward);
}
