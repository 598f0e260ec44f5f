using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>The geometric families' shared step: cv2.warpAffine by per-image forward matrices.</summary>
internal static class AffineWarp
{
    /// <summary>
    /// cv2.warpAffine(image, M, (28, 28)) with the default INTER_LINEAR and zero border for each image
    /// and its matrix of <paramref name="forward"/> (N, 2, 3), chunked to bound the exact float64
    /// intermediates of <see cref="OpenCvWarpAffine"/>.
    /// </summary>
    public static Tensor Apply(Tensor images, Tensor forward) =>
        ImageBatch.InChunks(images.size(0), (start, length) =>
            OpenCvWarpAffine.Bilinear(images.narrow(0, start, length), forward.narrow(0, start, length)));

    /// <summary>Per-image matrices (N, 2, 3) from six (N) float64 terms, row-major.</summary>
    public static Tensor Matrices(Tensor m00, Tensor m01, Tensor m02, Tensor m10, Tensor m11, Tensor m12) =>
        stack([stack([m00, m01, m02], dim: 1), stack([m10, m11, m12], dim: 1)], dim: 1);

    /// <summary>
    /// cv2.getRotationMatrix2D((13.5, 13.5), degrees, scale) term by term, as OpenCV computes it in
    /// double: α = cos(θ)·scale, β = sin(θ)·scale, [[α, β, (1−α)·cx − β·cy], [−β, α, β·cx + (1−α)·cy]].
    /// </summary>
    public static Tensor RotationMatrices(Tensor degrees, Tensor scale)
    {
        const double centre = ImageBatch.Side / 2.0 - 0.5;
        var radians = degrees * (Math.PI / 180);
        var alpha = radians.cos() * scale;
        var beta = radians.sin() * scale;
        return Matrices(alpha, beta, (1 - alpha) * centre - beta * centre, -beta, alpha, beta * centre + (1 - alpha) * centre);
    }
}
