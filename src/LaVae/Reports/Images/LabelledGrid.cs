using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>
/// A grid of gray tiles laid out as a paper figure: a label left of each row, a label above each column
/// (wrapped at commas), an optional bold title, dark text on white in the shipped font. Tiles are
/// pixel-crisp (each tile pixel a scale x scale block) and each has a thin gray frame, so tiles with a
/// white background still stand apart. A cell may hold text instead of a tile (<see cref="GridCell"/>).
/// </summary>
public sealed class LabelledGrid : IFigure
{
    internal const int Margin = 10;
    internal const int TileGap = 4;
    internal const int LabelGap = 8;
    internal const float LabelSize = 13;
    internal const float TitleSize = 16;

    internal static readonly SKColor TextColour = new(20, 20, 20);
    internal static readonly SKColor FrameColour = new(180, 180, 180);

    private readonly string? title;
    private readonly IReadOnlyList<string> rowLabels;
    private readonly string[][] headerLines;
    private readonly IReadOnlyList<IReadOnlyList<GridCell>> rows;
    private readonly int tileWidth;
    private readonly int tileHeight;
    private readonly int scale;
    private readonly int columnWidth;
    private readonly int rowHeight;
    private readonly int lineHeight;

    private LabelledGrid(string? title, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, IReadOnlyList<IReadOnlyList<GridCell>> rows, int tileWidth, int tileHeight, int scale)
    {
        this.title = title;
        this.rowLabels = rowLabels;
        this.rows = rows;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.scale = scale;
        headerLines = [.. columnLabels.Select(label => LabelText.WrapAtCommas(label).Split('\n'))];
        using var font = FigureFont.Font(LabelSize);
        lineHeight = (int)Math.Ceiling(font.Spacing);
        columnWidth = Math.Max(tileWidth * scale, headerLines.SelectMany(lines => lines).Max(line => TextWidth(font, line)) + LabelGap);
        rowHeight = Math.Max(tileHeight * scale, lineHeight);
        int labelsWidth = rowLabels.Max(label => TextWidth(font, label));
        GridLeft = Margin + labelsWidth + LabelGap;
        GridTop = Margin + TitleHeight + (headerLines.Max(lines => lines.Length) * lineHeight) + LabelGap;
        int columns = headerLines.Length;
        int gridWidth = (columns * columnWidth) + ((columns - 1) * TileGap);
        Width = Math.Max(GridLeft + gridWidth, Margin + TitleWidth) + Margin;
        Height = GridTop + (rows.Count * rowHeight) + ((rows.Count - 1) * TileGap) + Margin;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The left edge of the first column, right of the row labels.</summary>
    internal int GridLeft { get; }

    /// <summary>The top edge of the first row, below the title and the column labels.</summary>
    internal int GridTop { get; }

    private int TitleHeight
    {
        get
        {
            using var font = FigureFont.Font(TitleSize, bold: true);
            return string.IsNullOrEmpty(title) ? 0 : (int)Math.Ceiling(font.Spacing) + LabelGap;
        }
    }

    private int TitleWidth
    {
        get
        {
            using var font = FigureFont.Font(TitleSize, bold: true);
            return string.IsNullOrEmpty(title) ? 0 : TextWidth(font, title);
        }
    }

    /// <param name="rows">Tiles of <paramref name="tileWidth"/> x <paramref name="tileHeight"/> gray bytes, row-major; a short row leaves its last cells blank.</param>
    /// <param name="scale">Each tile pixel becomes a scale x scale block.</param>
    public static RasterImage Render(
        string? title,
        IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels,
        IReadOnlyList<IReadOnlyList<byte[]>> rows,
        int tileWidth,
        int tileHeight,
        int scale = 2) =>
        FigureFile.Raster(Of(title, rowLabels, columnLabels, Cells(rows), tileWidth, tileHeight, scale));

    /// <param name="rows">Tiles or texts, row-major; a short row leaves its last cells blank.</param>
    /// <param name="scale">Each tile pixel becomes a scale x scale block.</param>
    public static RasterImage Render(
        string? title,
        IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels,
        IReadOnlyList<IReadOnlyList<GridCell>> rows,
        int tileWidth,
        int tileHeight,
        int scale = 2) =>
        FigureFile.Raster(Of(title, rowLabels, columnLabels, rows, tileWidth, tileHeight, scale));

    private static IReadOnlyList<IReadOnlyList<GridCell>> Cells(IReadOnlyList<IReadOnlyList<byte[]>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.Select(row => (IReadOnlyList<GridCell>)[.. row.Select(GridCell.Tile)])];
    }

    /// <summary>The grid as a figure, its layout checked: labels for every row and column, tiles of the stated size.</summary>
    internal static LabelledGrid Of(
        string? title,
        IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels,
        IReadOnlyList<IReadOnlyList<GridCell>> rows,
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

        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c].Pixels is { } pixels && pixels.Length != tileWidth * tileHeight)
                {
                    throw new ArgumentException(
                        $"Tile (row {r}, column {c}) has {pixels.Length} bytes; a {tileWidth}x{tileHeight} gray tile has {tileWidth * tileHeight}.",
                        nameof(rows));
                }
            }
        }

        return new LabelledGrid(title, rowLabels, columnLabels, rows, tileWidth, tileHeight, scale);
    }

    /// <summary>The top-left pixel of the tile in row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    internal (int Left, int Top) TileAt(int row, int column) => (
        GridLeft + (column * (columnWidth + TileGap)) + ((columnWidth - (tileWidth * scale)) / 2),
        GridTop + (row * (rowHeight + TileGap)) + ((rowHeight - (tileHeight * scale)) / 2));

    public void Draw(SKCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var ink = new SKPaint { Color = TextColour, IsAntialias = true };
        using var font = FigureFont.Font(LabelSize);
        if (!string.IsNullOrEmpty(title))
        {
            using var titleFont = FigureFont.Font(TitleSize, bold: true);
            canvas.DrawText(title, Width / 2f, Margin - titleFont.Metrics.Ascent, SKTextAlign.Center, titleFont, ink);
        }

        for (int c = 0; c < headerLines.Length; c++)
        {
            float centre = GridLeft + (c * (columnWidth + TileGap)) + (columnWidth / 2f);
            float lastBaseline = GridTop - LabelGap - font.Metrics.Descent;
            string[] lines = headerLines[c];
            for (int line = 0; line < lines.Length; line++)
            {
                canvas.DrawText(lines[line], centre, lastBaseline - ((lines.Length - 1 - line) * lineHeight), SKTextAlign.Center, font, ink);
            }
        }

        using var frame = new SKPaint { Color = FrameColour };
        var nearest = new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None);
        for (int r = 0; r < rows.Count; r++)
        {
            float rowCentre = GridTop + (r * (rowHeight + TileGap)) + (rowHeight / 2f);
            float baseline = rowCentre - ((font.Metrics.Ascent + font.Metrics.Descent) / 2);
            canvas.DrawText(rowLabels[r], GridLeft - LabelGap, baseline, SKTextAlign.Right, font, ink);
            for (int c = 0; c < rows[r].Count; c++)
            {
                var (left, top) = TileAt(r, c);
                var box = SKRect.Create(left, top, tileWidth * scale, tileHeight * scale);
                canvas.DrawRect(SKRect.Create(left - 1, top - 1, box.Width + 2, box.Height + 2), frame);
                if (rows[r][c].Pixels is { } pixels)
                {
                    using var tile = SKImage.FromPixelCopy(new SKImageInfo(tileWidth, tileHeight, SKColorType.Gray8, SKAlphaType.Opaque), pixels);
                    canvas.DrawImage(tile, box, nearest);
                }
                else
                {
                    DrawWords(canvas, rows[r][c].Text!, box, ink);
                }
            }
        }
    }

    /// <summary>Dark lines on white, centred in the tile's box, at the label size or smaller if they would not fit.</summary>
    private static void DrawWords(SKCanvas canvas, string text, SKRect box, SKPaint ink)
    {
        using var white = new SKPaint { Color = SKColors.White };
        canvas.DrawRect(box, white);
        string[] lines = text.Split('\n');
        float size = LabelSize;
        using var font = FigureFont.Font(size);
        while (size > 6 && (lines.Length * font.Spacing > box.Height || lines.Any(line => font.MeasureText(line) > box.Width - 2)))
        {
            size -= 0.5f;
            font.Size = size;
        }

        float top = box.MidY - (lines.Length * font.Spacing / 2);
        for (int line = 0; line < lines.Length; line++)
        {
            canvas.DrawText(lines[line], box.MidX, top + (line * font.Spacing) - font.Metrics.Ascent, SKTextAlign.Center, font, ink);
        }
    }

    private static int TextWidth(SKFont font, string text) => (int)Math.Ceiling(font.MeasureText(text));
}
