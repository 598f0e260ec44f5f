using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// shearX, imgaug's ShearX((-50, -45)): a shear about the image centre by an angle uniform in
/// [-50, -45] degrees per image, bilinear, zero fill.
/// </summary>
/// <remarks>
/// imgaug 0.4 builds the matrix from scikit-image's AffineTransform(shear=s) conjugated by a shift to
/// the centre c = side/2 - 0.5, and warps with OpenCV. Until scikit-image 0.21 (June 2023, after the
/// paper) that transform was x' = x - sin(s)·y, y' = cos(s)·y: besides the horizontal shear it
/// squeezes rows towards the centre by cos(s), about 0.64 to 0.71 here. With s negative, rows below
/// the centre move right and rows above move left, so a vertical bar leans like '\'.
/// </remarks>
public sealed class ShearX : Augmentation
{
    public const double MinDegrees = -50;
    public const double MaxDegrees = -45;

    public override string Name => "shearX";

    /// <summary>The shear by given angles in degrees (N values), one per image.</summary>
    internal static Tensor Apply(Tensor images, Tensor degrees) =>
        ImageBatch.InChunks(images.size(0), (start, length) => Shear(images.narrow(0, start, length), degrees.narrow(0, start, length)));

    protected override Tensor Transform(Tensor images, Generator generator) =>
        Apply(images, RandomDraws.Uniform(generator, images.size(0), MinDegrees, MaxDegrees, images.device, ScalarType.Float64));

    private static Tensor Shear(Tensor images, Tensor degrees)
    {
        const double centre = ImageBatch.Side / 2.0 - 0.5;
        var radians = degrees.to(ScalarType.Float64) * (Math.PI / 180);
        var sin = radians.sin();
        var cos = radians.cos();
        var one = ones(sin.shape, ScalarType.Float64, sin.device);
        var zero = zeros(sin.shape, ScalarType.Float64, sin.device);
        var forward = stack(
        [
            stack([one, -sin, sin * centre], dim: 1),
            stack([zero, cos, centre - cos * centre], dim: 1),
        ], dim: 1);
        return OpenCvWarpAffine.Bilinear(images, forward);
    }
}
