using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

/// <summary>Verdict tiles: text drawn into a gray tile, black on white, centred.</summary>
public class TextTileTests
{
    [Fact]
    public void A_single_1_is_its_glyph_picture_centred_in_black_on_white()
    {
        // "1" is 5x9; in an 11x13 tile its box starts at ((11 − 5) / 2, (13 − 9) / 2) = (3, 2).
        var tile = TextTile.Gray("1", 11, 13);

        string[] glyph = ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.", ".....", "....."];
        var picture = Enumerable.Range(0, 13).Select(y => new string([.. Enumerable.Range(0, 11).Select(x => tile[(y * 11) + x] switch
        {
            0 => '#',
            255 => '.',
            var other => throw new InvalidOperationException($"gray {other} at ({x}, {y})"),
        })]));
        picture.Should().Equal(
        [
            "...........", "...........",
            .. glyph.Select(row => $"...{row}..."),
            "...........", "...........",
        ]);
    }

    [Fact]
    public void A_two_line_verdict_fits_a_28_pixel_tile_and_too_much_text_is_refused()
    {
        var tile = TextTile.Gray("id:Y\nc:7", 28, 28);

        tile.Should().HaveCount(784);
        tile.Count(value => value == 0).Should().BeGreaterThan(20, "both lines leave ink");
        tile.Take(28).Should().OnlyContain(value => value == 255, "the first row is margin");
        var tooWide = () => TextTile.Gray("identity", 28, 28);
        tooWide.Should().Throw<ArgumentException>().WithMessage("'identity' needs 47x9 pixels; the tile is 28x28.*");
    }
}
