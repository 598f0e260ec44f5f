using System.Text;

namespace LaVae.Reports.Images;

/// <summary>
/// LaVae's one font, built in so figures need no font files or imaging library: 5x9 pixel glyphs
/// (7 above the baseline, 2 below for descenders) for printable ASCII and ± — · ×, drawn at an
/// integer scale. A character without a glyph draws as an outlined box. '\n' starts a new line.
/// </summary>
public static class BitmapFont
{
    public const int GlyphWidth = 5;

    public const int GlyphHeight = 9;

    /// <summary>Rows of a glyph above the baseline: the height of capitals and digits.</summary>
    public const int Ascent = 7;

    /// <summary>From one glyph's left edge to the next: the glyph and a blank column.</summary>
    public const int Advance = GlyphWidth + 1;

    /// <summary>From one line's top to the next: the glyph and two blank rows.</summary>
    public const int LineHeight = GlyphHeight + 2;

    /// <summary>
    /// The box <see cref="Draw"/> fills for <paramref name="text"/>: the widest line, from the first
    /// glyph's left edge to the last one's right edge, and every line's full height, descenders included.
    /// </summary>
    public static TextSize Measure(string text, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        if (text.Length == 0)
        {
            return new TextSize(0, 0);
        }

        string[] lines = Lines(text);
        int widest = lines.Max(line => line.EnumerateRunes().Count());
        int width = widest == 0 ? 0 : (widest * Advance) - 1;
        int height = (lines.Length * LineHeight) - (LineHeight - GlyphHeight);
        return new TextSize(width * scale, height * scale);
    }

    /// <summary>Draws <paramref name="text"/> with its box's top-left corner at (<paramref name="left"/>, <paramref name="top"/>), lines left-aligned.</summary>
    public static void Draw(Canvas canvas, int left, int top, string text, RgbColour colour, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        string[] lines = Lines(text);
        for (int line = 0; line < lines.Length; line++)
        {
            int x = left, y = top + (line * LineHeight * scale);
            foreach (Rune rune in lines[line].EnumerateRunes())
            {
                DrawGlyph(canvas, x, y, Glyph(rune), colour, scale);
                x += Advance * scale;
            }
        }
    }

    /// <summary>Splits at '\n'; a '\r' before it is dropped so Windows line ends do not draw as boxes.</summary>
    internal static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    internal static bool IsInk(ulong glyph, int column, int row) =>
        ((glyph >> ((GlyphWidth * GlyphHeight) - 1 - ((row * GlyphWidth) + column))) & 1) == 1;

    internal static ulong Glyph(Rune rune)
    {
        if (rune.Value is >= ' ' and <= '~')
        {
            return BitmapFontGlyphs.Ascii[rune.Value - ' '];
        }

        return rune.IsBmp && BitmapFontGlyphs.Extra.TryGetValue((char)rune.Value, out ulong glyph) ? glyph : BitmapFontGlyphs.Missing;
    }

    private static void DrawGlyph(Canvas canvas, int left, int top, ulong glyph, RgbColour colour, int scale)
    {
        for (int row = 0; row < GlyphHeight; row++)
        {
            for (int column = 0; column < GlyphWidth; column++)
            {
                if (IsInk(glyph, column, row))
                {
                    canvas.FillRect(left + (column * scale), top + (row * scale), scale, scale, colour);
                }
            }
        }
    }
}
