namespace LaVae.Reports.Images;

/// <summary>
/// Lays equally sized tiles out in rows, e.g. a row per digit and a column per augmentation.
/// Rows may differ in length; the cells a short row leaves empty take the gap level.
/// </summary>
public static class ImageGrid
{
    /// <param name="rows">Tiles of <paramref name="tileWidth"/> x <paramref name="tileHeight"/> gray bytes, row-major.</param>
    public static RasterImage Gray(IReadOnlyList<IReadOnlyList<byte[]>> rows, int tileWidth, int tileHeight, GridStyle? style = null) =>
        Build(rows, tileWidth, tileHeight, channels: 1, style ?? GridStyle.Default);

    /// <param name="rows">Tiles of <paramref name="tileWidth"/> x <paramref name="tileHeight"/> RGB pixels, row-major, 3 bytes each.</param>
    public static RasterImage Rgb(IReadOnlyList<IReadOnlyList<byte[]>> rows, int tileWidth, int tileHeight, GridStyle? style = null) =>
        Build(rows, tileWidth, tileHeight, channels: 3, style ?? GridStyle.Default);

    private static RasterImage Build(IReadOnlyList<IReadOnlyList<byte[]>> rows, int tileWidth, int tileHeight, int channels, GridStyle style)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(style.Scale, nameof(style));
        ArgumentOutOfRangeException.ThrowIfNegative(style.Gap, nameof(style));
        int columns = rows.Count == 0 ? 0 : rows.Max(row => row.Count);
        if (columns == 0)
        {
            throw new ArgumentException("A grid needs at least one tile.", nameof(rows));
        }

        int cellWidth = tileWidth * style.Scale, cellHeight = tileHeight * style.Scale;
        int width = (columns * cellWidth) + ((columns - 1) * style.Gap);
        int height = (rows.Count * cellHeight) + ((rows.Count - 1) * style.Gap);
        var pixels = new byte[width * height * channels];
        Array.Fill(pixels, style.GapLevel);

        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < rows[r].Count; c++)
            {
                byte[] tile = rows[r][c];
                if (tile.Length != tileWidth * tileHeight * channels)
                {
                    throw new ArgumentException(
                        $"Tile (row {r}, column {c}) has {tile.Length} bytes; a {tileWidth}x{tileHeight} tile of {channels} channel(s) has {tileWidth * tileHeight * channels}.",
                        nameof(rows));
                }

                int left = c * (cellWidth + style.Gap), top = r * (cellHeight + style.Gap);
                for (int y = 0; y < cellHeight; y++)
                {
                    for (int x = 0; x < cellWidth; x++)
                    {
                        int from = (((y / style.Scale) * tileWidth) + (x / style.Scale)) * channels;
                        int to = (((top + y) * width) + left + x) * channels;
                        tile.AsSpan(from, channels).CopyTo(pixels.AsSpan(to, channels));
                    }
                }
            }
        }

        return new RasterImage(width, height, channels, pixels);
    }
}
