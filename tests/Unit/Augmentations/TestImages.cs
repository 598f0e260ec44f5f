using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

/// <summary>Small uint8 image batches (N, 28, 28) for the augmentation tests.</summary>
internal static class TestImages
{
    public const int Side = 28;

    /// <summary>Uniformly random bytes from a seeded System.Random.</summary>
    public static Tensor Random(int count, int seed)
    {
        var bytes = new byte[count * Side * Side];
        new Random(seed).NextBytes(bytes);
        return tensor(bytes, new long[] { count, Side, Side });
    }

    /// <summary>One image whose pixel (row, column) is <paramref name="pixel"/>(row, column).</summary>
    public static Tensor Drawn(Func<int, int, byte> pixel)
    {
        var bytes = new byte[Side * Side];
        for (var row = 0; row < Side; row++)
        {
            for (var column = 0; column < Side; column++)
            {
                bytes[row * Side + column] = pixel(row, column);
            }
        }

        return tensor(bytes, new long[] { 1, Side, Side });
    }

    /// <summary>The pixels of image <paramref name="index"/> as [row, column].</summary>
    public static byte[,] Pixels(Tensor images, int index = 0)
    {
        var bytes = images.select(0, index).contiguous().ToArray<byte>();
        var pixels = new byte[Side, Side];
        for (var row = 0; row < Side; row++)
        {
            for (var column = 0; column < Side; column++)
            {
                pixels[row, column] = bytes[row * Side + column];
            }
        }

        return pixels;
    }

    /// <summary>The batch's bytes, row-major.</summary>
    public static byte[] Bytes(Tensor images) => images.contiguous().ToArray<byte>();
}
