using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>Per-image random parameters, drawn on the images' device from the caller's generator.</summary>
internal static class RandomDraws
{
    /// <summary><paramref name="count"/> values uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor Uniform(Generator generator, long count, double low, double high, Device device, ScalarType dtype = ScalarType.Float32) =>
        rand([count], dtype: dtype, device: device, generator: generator) * (high - low) + low;

    /// <summary>
    /// <paramref name="count"/> integers uniform in [<paramref name="low"/>, <paramref name="highInclusive"/>]
    /// (imgaug's DiscreteUniform), held as float64 so that arithmetic with doubles stays exact.
    /// </summary>
    public static Tensor Integers(Generator generator, long count, long low, long highInclusive, Device device) =>
        randint(low, highInclusive + 1, [count], dtype: ScalarType.Int64, device: device, generator: generator).to(ScalarType.Float64);
}
