namespace LaVae.Reports.Images;

/// <summary>
/// A mutable RGB picture that figures draw on before becoming a <see cref="RasterImage"/>.
/// Everything drawn is clipped to the canvas, so a label that runs over an edge is cut, not an error.
/// </summary>
public sealed class Canvas : IPlotSurface
{
    private readonly byte[] pixels;

    public Canvas(int width, int height, RgbColour background)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        pixels = new byte[width * height * 3];
        FillRect(0, 0, width, height, background);
    }

    public int Width { get; }

    public int Height { get; }

    public RgbColour this[int x, int y]
    {
        get
        {
            int at = ((y * Width) + x) * 3;
            return new RgbColour(pixels[at], pixels[at + 1], pixels[at + 2]);
        }
    }

    public void FillRect(int x, int y, int width, int height, RgbColour colour)
    {
        int left = Math.Max(x, 0), right = Math.Min(x + width, Width);
        int top = Math.Max(y, 0), bottom = Math.Min(y + height, Height);
        for (int row = top; row < bottom; row++)
        {
            for (int column = left; column < right; column++)
            {
                Put(column, row, colour);
            }
        }
    }

    /// <summary>A 1-pixel frame along the inside of the rectangle.</summary>
    public void StrokeRect(int x, int y, int width, int height, RgbColour colour)
    {
        FillRect(x, y, width, 1, colour);
        FillRect(x, y + height - 1, width, 1, colour);
        FillRect(x, y, 1, height, colour);
        FillRect(x + width - 1, y, 1, height, colour);
    }

    /// <summary>A 1-pixel line, both end points included (Bresenham).</summary>
    public void DrawLine(int x0, int y0, int x1, int y1, RgbColour colour)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        while (true)
        {
            FillRect(x0, y0, 1, 1, colour);
            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            int twice = 2 * error;
            if (twice >= dy)
            {
                error += dy;
                x0 += stepX;
            }

            if (twice <= dx)
            {
                error += dx;
                y0 += stepY;
            }
        }
    }

    /// <summary>
    /// A filled disc without anti-aliasing: every pixel whose centre (column + 0.5, row + 0.5) lies
    /// within <paramref name="radius"/> of (<paramref name="x"/>, <paramref name="y"/>) takes the colour.
    /// </summary>
    public void FillDisc(double x, double y, double radius, RgbColour colour)
    {
        int left = (int)Math.Floor(x - radius), right = (int)Math.Ceiling(x + radius);
        int top = (int)Math.Floor(y - radius), bottom = (int)Math.Ceiling(y + radius);
        for (int row = top; row <= bottom; row++)
        {
            for (int column = left; column <= right; column++)
            {
                double dx = column + 0.5 - x, dy = row + 0.5 - y;
                if ((dx * dx) + (dy * dy) <= radius * radius)
                {
                    FillRect(column, row, 1, 1, colour);
                }
            }
        }
    }

    /// <summary>A tile of gray bytes, row-major, with its top-left at (x, y); each tile pixel becomes a scale x scale block.</summary>
    public void DrawGrayTile(int x, int y, byte[] tile, int tileWidth, int tileHeight, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(tile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        if (tile.Length != tileWidth * tileHeight)
        {
            throw new ArgumentException($"A {tileWidth}x{tileHeight} gray tile has {tileWidth * tileHeight} bytes, not {tile.Length}.", nameof(tile));
        }

        for (int row = 0; row < tileHeight; row++)
        {
            for (int column = 0; column < tileWidth; column++)
            {
                FillRect(x + (column * scale), y + (row * scale), scale, scale, RgbColour.Gray(tile[(row * tileWidth) + column]));
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> with <see cref="BitmapFont"/>. (x, y) is the point of the text's
    /// box named by the alignments, e.g. Center/End is the middle of its bottom edge; with several
    /// lines, each line is aligned on x by itself.
    /// </summary>
    public void DrawText(int x, int y, string text, RgbColour colour, int scale = 1, TextAlign horizontal = TextAlign.Start, TextAlign vertical = TextAlign.Start)
    {
        ArgumentNullException.ThrowIfNull(text);
        int top = y - Offset(BitmapFont.Measure(text, scale).Height, vertical);
        string[] lines = BitmapFont.Lines(text);
        for (int line = 0; line < lines.Length; line++)
        {
            int left = x - Offset(BitmapFont.Measure(lines[line], scale).Width, horizontal);
            BitmapFont.Draw(this, left, top + (line * BitmapFont.LineHeight * scale), lines[line], colour, scale);
        }
    }

    /// <summary>A copy of what is drawn so far, as an RGB image.</summary>
    public RasterImage ToImage() => RasterImage.Rgb(Width, Height, (byte[])pixels.Clone());

    /// <summary>How far an aligned edge or middle lies from the box's start, for a box <paramref name="size"/> long.</summary>
    internal static int Offset(int size, TextAlign align) => align switch
    {
        TextAlign.Center => size / 2,
        TextAlign.End => size,
        _ => 0,
    };

    void IFigureSurface.Rect(int x, int y, int width, int height, RgbColour fill, string? role) => FillRect(x, y, width, height, fill);

    void IFigureSurface.Outline(int x, int y, int width, int height, RgbColour stroke) => StrokeRect(x, y, width, height, stroke);

    void IFigureSurface.Text(int x, int y, string text, RgbColour colour, int scale, TextAlign horizontal, TextAlign vertical) =>
        DrawText(x, y, text, colour, scale, horizontal, vertical);

    void IPlotSurface.Line(int x0, int y0, int x1, int y1, RgbColour colour) => DrawLine(x0, y0, x1, y1, colour);

    void IPlotSurface.Marker(double x, double y, double radius, RgbColour fill, string role) => FillDisc(x, y, radius, fill);

    void IFigureSurface.VerticalGradient(int x, int y, int width, int height, IReadOnlyList<RgbColour> bottomToTop)
    {
        for (int row = 0; row < height; row++)
        {
            double t = height == 1 ? 0 : (height - 1 - row) / (double)(height - 1);
            FillRect(x, y + row, width, 1, ColourRamp.At(bottomToTop, t));
        }
    }

    private void Put(int x, int y, RgbColour colour)
    {
        int at = ((y * Width) + x) * 3;
        pixels[at] = colour.R;
        pixels[at + 1] = colour.G;
        pixels[at + 2] = colour.B;
    }
}
