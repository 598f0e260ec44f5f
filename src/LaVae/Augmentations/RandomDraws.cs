using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>Per-image random parameters, drawn on the images' device from the caller's generator.</summary>
internal static class RandomDraws
{
    /// <summary><paramref name="count"/> values uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor Uniform(Generator generator, long count, double low, double high, Device device, DType dtype = DType.Float32) =>
        Tensor.Rand([count], generator, dtype, device) * (high - low) + low;

    /// <summary>
    /// <paramref name="count"/> integers uniform in [<paramref name="low"/>, <paramref name="highInclusive"/>]
    /// (imgaug's DiscreteUniform), held as float64 so that arithmetic with doubles stays exact.
    /// </summary>
    public static Tensor Integers(Generator generator, long count, long low, long highInclusive, Device device) =>
        Tensor.RandInt(low, highInclusive + 1, [count], generator, DType.Int64, device).To(DType.Float64);
}
