using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>How the noise augmentations turn float noise into bytes.</summary>
internal static class NoiseValues
{
    private const double Int32Range = 1L << 31;

    /// <summary>
    /// A float → uint8 cast as PyTorch does it on an x86 CPU: C's float → integer conversion truncates
    /// toward zero, and x86 keeps the low byte of the 32-bit result, so values outside 0..255 wrap
    /// modulo 256 (out of the int32 range the conversion yields 0x80000000, low byte 0). C leaves
    /// such casts undefined and CUDA saturates instead; we follow the CPU, deterministically.
    /// </summary>
    public static Tensor TruncateToWrappedBytes(Tensor noise) =>
        noise.clamp(-Int32Range, Int32Range).to(ScalarType.Int64).remainder(256).to(ScalarType.Byte);
}
