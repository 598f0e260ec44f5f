using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class BitmapFontTests
{
    private static readonly string[] CapitalI =
    [
        ".###.",
        "..#..",
        "..#..",
        "..#..",
        "..#..",
        "..#..",
        ".###.",
        ".....",
        ".....",
    ];

    private static string[] Drawn(string text, int scale)
    {
        TextSize size = BitmapFont.Measure(text, scale);
        var canvas = new Canvas(size.Width, size.Height, RgbColour.White);
        canvas.DrawText(0, 0, text, RgbColour.Black, scale);
        return InkPixels.Picture(canvas.ToImage(), RgbColour.White);
    }

    private static string[] Doubled(string[] picture) =>
        [.. picture.SelectMany(row => new[] { string.Concat(row.Select(c => $"{c}{c}")), string.Concat(row.Select(c => $"{c}{c}")) })];

    [Fact]
    public void Capital_I_at_scale_1_is_its_5x9_picture()
    {
        Drawn("I", 1).Should().Equal(CapitalI);
    }

    [Fact]
    public void Scale_2_turns_each_glyph_pixel_into_a_2x2_block()
    {
        Drawn("I", 2).Should().Equal(Doubled(CapitalI));
    }

    [Fact]
    public void Digit_1_and_descender_g_have_their_pictures()
    {
        Drawn("1", 1).Should().Equal("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.", ".....", ".....");
        string[] g = [".....", ".....", ".####", "#...#", "#...#", "#...#", ".####", "....#", ".###."];
        Drawn("g", 1).Should().Equal(g, because: "descenders use the two rows below the baseline");
    }

    [Fact]
    public void Glyphs_advance_6_pixels_with_a_blank_column_between()
    {
        Drawn("II", 1).Should().Equal([.. CapitalI.Select(row => $"{row}.{row}")]);
    }

    [Theory]
    [InlineData("gH", 1)]
    [InlineData("gH", 3)]
    [InlineData("flip_lr,flip_ud", 2)]
    [InlineData("A1 (mini_image)\n297.1 ± 8.1", 1)]
    public void Measure_is_the_box_DrawText_fills(string text, int scale)
    {
        TextSize size = BitmapFont.Measure(text, scale);
        var canvas = new Canvas(size.Width + 20, size.Height + 20, RgbColour.White);

        canvas.DrawText(7, 5, text, RgbColour.Black, scale);

        var (left, top, right, bottom) = InkPixels.Bounds(canvas.ToImage(), RgbColour.White);
        left.Should().BeGreaterThanOrEqualTo(7);
        top.Should().BeGreaterThanOrEqualTo(5);
        right.Should().BeLessThanOrEqualTo(7 + size.Width);
        bottom.Should().BeLessThanOrEqualTo(5 + size.Height);
        if (text == "gH")
        {
            (left, top, right, bottom).Should().Be((7, 5, 7 + size.Width, 5 + size.Height),
                because: "'g' reaches the left edge and the descender row, 'H' the right edge and the top");
        }
    }

    [Fact]
    public void Measure_counts_the_widest_line_and_every_line()
    {
        BitmapFont.Measure("ab\ncde", 1).Should().Be(new TextSize((3 * 6) - 1, 9 + 11));
        BitmapFont.Measure("ab\ncde", 2).Should().Be(new TextSize(((3 * 6) - 1) * 2, (9 + 11) * 2));
        BitmapFont.Measure(string.Empty, 1).Should().Be(new TextSize(0, 0));
    }

    [Fact]
    public void Centred_text_is_centred_on_the_anchor()
    {
        var canvas = new Canvas(101, 61, RgbColour.White);

        canvas.DrawText(50, 30, "HIH", RgbColour.Black, 3, TextAlign.Center, TextAlign.Center);

        var (left, top, right, bottom) = InkPixels.Bounds(canvas.ToImage(), RgbColour.White);
        TextSize size = BitmapFont.Measure("HIH", 3);
        (left, right).Should().Be((50 - (size.Width / 2), 50 - (size.Width / 2) + size.Width));
        top.Should().Be(30 - (size.Height / 2));
        bottom.Should().BeLessThan(30 + (size.Height / 2), because: "'HIH' has no descenders, so its ink stops at the baseline");
    }

    [Theory]
    [InlineData("é")]
    [InlineData("\u0001")]
    [InlineData("\U0001F600")]
    public void A_character_without_a_glyph_is_a_box(string text)
    {
        BitmapFont.Measure(text, 1).Width.Should().Be(5, because: "one character, even outside the BMP, is one glyph");
        Drawn(text, 1).Should().Equal("#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####", ".....", ".....");
    }

    [Fact]
    public void Plus_minus_em_dash_and_middle_dot_have_glyphs_of_their_own()
    {
        string[] box = Drawn("\u0001", 1);
        string[][] glyphs = [Drawn("±", 1), Drawn("—", 1), Drawn("·", 1), Drawn("-", 1), Drawn("+", 1), Drawn(".", 1)];

        glyphs.Take(3).Should().NotContain(glyph => glyph.SequenceEqual(box));
        glyphs.Select(glyph => string.Join('/', glyph)).Should().OnlyHaveUniqueItems(because: "± — · must not look like + - . nor like each other");
    }
}
