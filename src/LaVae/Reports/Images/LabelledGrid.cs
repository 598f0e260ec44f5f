namespace LaVae.Reports.Images;

/// <summary>
/// A grid of gray tiles, like <see cref="ImageGrid.Gray"/>, laid out as a paper figure: a label left
/// of each row, a label above each column (wrapped at commas), an optional title, dark text on white.
/// Each tile has a thin gray frame so tiles with a white background still stand apart.
/// </summary>
public static class LabelledGrid
{
    internal const int Margin = 8;
    internal const int TileGap = 4;
    internal const int LabelGap = 6;
    internal const int TitleScale = 2;

    internal static readonly RgbColour TextColour = RgbColour.Gray(20);
    internal static readonly RgbColour FrameColour = RgbColour.Gray(180);

    /// <param name="rows">Tiles of <paramref name="tileWidth"/> x <paramref name="tileHeight"/> gray bytes, row-major; a short row leaves its last cells blank.</param>
    /// <param name="scale">Each tile pixel becomes a scale x scale block; labels are drawn at half that scale (at least 1), so they grow with the tiles.</param>
    public static RasterImage Render(
        string? title,
        IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels,
        IReadOnlyList<IReadOnlyList<byte[]>> rows,
        int tileWidth,
        int tileHeight,
        int scale = 2)
    {
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        int columns = rows.Count == 0 ? 0 : rows.Max(row => row.Count);
        if (columns == 0)
        {
            throw new ArgumentException("A grid needs at least one tile.", nameof(rows));
        }

        if (rowLabels.Count != rows.Count || columnLabels.Count != columns)
        {
            throw new ArgumentException(
                $"A grid of {rows.Count} row(s) and {columns} column(s) needs as many labels; got {rowLabels.Count} row and {columnLabels.Count} column label(s).",
                nameof(rows));
        }

        int textScale = Math.Max(1, scale / 2);
        string[] headers = [.. columnLabels.Select(LabelText.WrapAtCommas)];
        int tileW = tileWidth * scale, tileH = tileHeight * scale;
        int columnWidth = Math.Max(tileW, headers.Max(header => BitmapFont.Measure(header, textScale).Width + LabelGap));
        int rowHeight = Math.Max(tileH, BitmapFont.Measure("X", textScale).Height);
        int labelsWidth = rowLabels.Max(label => BitmapFont.Measure(label, textScale).Width);
        int headerHeight = headers.Max(header => BitmapFont.Measure(header, textScale).Height);
        int titleHeight = string.IsNullOrEmpty(title) ? 0 : BitmapFont.Measure(title, TitleScale).Height + LabelGap + LabelGap;

        int gridLeft = Margin + labelsWidth + LabelGap, gridTop = Margin + titleHeight + headerHeight + LabelGap;
        int gridWidth = (columns * columnWidth) + ((columns - 1) * TileGap);
        int gridHeight = (rows.Count * rowHeight) + ((rows.Count - 1) * TileGap);
        int width = Math.Max(gridLeft + gridWidth, string.IsNullOrEmpty(title) ? 0 : Margin + BitmapFont.Measure(title, TitleScale).Width) + Margin;
        var canvas = new Canvas(width, gridTop + gridHeight + Margin, RgbColour.White);

        if (!string.IsNullOrEmpty(title))
        {
            canvas.DrawText(width / 2, Margin, title, TextColour, TitleScale, TextAlign.Center);
        }

        for (int c = 0; c < columns; c++)
        {
            int centre = gridLeft + (c * (columnWidth + TileGap)) + (columnWidth / 2);
            canvas.DrawText(centre, gridTop - LabelGap, headers[c], TextColour, textScale, TextAlign.Center, TextAlign.End);
        }

        for (int r = 0; r < rows.Count; r++)
        {
            int top = gridTop + (r * (rowHeight + TileGap));
            canvas.DrawText(gridLeft - LabelGap, top + (rowHeight / 2), rowLabels[r], TextColour, textScale, TextAlign.End, TextAlign.Center);
            for (int c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c].Length != tileWidth * tileHeight)
                {
                    throw new ArgumentException(
                        $"Tile (row {r}, column {c}) has {rows[r][c].Length} bytes; a {tileWidth}x{tileHeight} gray tile has {tileWidth * tileHeight}.",
                        nameof(rows));
                }

                int left = gridLeft + (c * (columnWidth + TileGap)) + ((columnWidth - tileW) / 2);
                canvas.StrokeRect(left - 1, top - 1, tileW + 2, tileH + 2, FrameColour);
                canvas.DrawGrayTile(left, top, rows[r][c], tileWidth, tileHeight, scale);
            }
        }

        return canvas.ToImage();
    }
}
