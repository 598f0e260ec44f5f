using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>
/// Text drawn into a gray tile, so a grid of image tiles (<see cref="LabelledGrid"/>) can carry a row of
/// short verdicts beside its images: dark text on white in the shipped font, each line centred, the
/// block centred, at the largest size up to <see cref="MaxSize"/> at which every line fits.
/// </summary>
public static class TextTile
{
    internal const float MaxSize = 11;
    private const float MinSize = 6;

    public static byte[] Gray(string text, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(text);
        var figure = new TextTileFigure(text.Split('\n'), width, height);
        if (figure.Size < MinSize)
        {
            throw new ArgumentException($"'{text}' does not fit a {width}x{height} tile even at {MinSize} px.", nameof(text));
        }

        var rgb = FigureFile.Raster(figure).Pixels;
        return [.. Enumerable.Range(0, width * height).Select(p => rgb[p * 3])];
    }

    private sealed class TextTileFigure : IFigure
    {
        private readonly string[] lines;

        internal TextTileFigure(string[] lines, int width, int height)
        {
            this.lines = lines;
            Width = width;
            Height = height;
            Size = MaxSize;
            while (Size >= MinSize && !Fits(Size))
            {
                Size -= 0.5f;
            }
        }

        public int Width { get; }

        public int Height { get; }

        internal float Size { get; }

        public void Draw(SKCanvas canvas)
        {
            using var font = FigureFont.Font(Size);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            float top = (Height - (lines.Length * font.Spacing)) / 2;
            for (int line = 0; line < lines.Length; line++)
            {
                canvas.DrawText(lines[line], Width / 2f, top + (line * font.Spacing) - font.Metrics.Ascent, SKTextAlign.Center, font, ink);
            }
        }

        private bool Fits(float size)
        {
            using var font = FigureFont.Font(size);
            return lines.Length * font.Spacing <= Height && lines.All(line => font.MeasureText(line) <= Width);
        }
    }
}
