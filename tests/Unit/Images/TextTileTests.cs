using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public sealed class TextTileTests
{
    [Fact]
    public void Two_lines_are_written_centred_in_the_tile()
    {
        var tile = TextTile.Gray("id:Y\nc:3", 28, 28);

        var ink = Enumerable.Range(0, 28 * 28).Where(p => tile[p] < 160).Select(p => (X: p % 28, Y: p / 28)).ToList();
        ink.Should().NotBeEmpty();
        ink.Min(p => p.Y).Should().BeLessThan(14, "the first line is in the upper half");
        ink.Max(p => p.Y).Should().BeGreaterThan(14, "the second in the lower half");
        ((ink.Min(p => p.X) + ink.Max(p => p.X)) / 2.0).Should().BeApproximately(14, 3, "the block is centred");
    }

    [Fact]
    public void Text_that_cannot_fit_is_an_error()
    {
        FluentActions.Invoking(() => TextTile.Gray("a sentence far too long for a digit tile", 28, 28))
            .Should().Throw<ArgumentException>().WithMessage("'a sentence far too long for a digit tile' does not fit a 28x28 tile*");
    }
}
