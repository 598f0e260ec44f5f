namespace LaVae.Data;

/// <summary>
/// The images of an IDX file: <paramref name="Count"/> images of <paramref name="Rows"/> x
/// <paramref name="Cols"/> unsigned bytes, one after another, each row-major.
/// </summary>
public sealed record IdxImages(byte[] Pixels, int Count, int Rows, int Cols)
{
    public int PixelsPerImage => Rows * Cols;

    public ReadOnlySpan<byte> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }
}
