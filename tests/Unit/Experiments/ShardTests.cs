using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

public class ShardTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    public void I_of_n_is_share_i_of_n(string text, int index, int count)
    {
        var shard = Shard.Parse(text);

        shard.Should().Be(new Shard(index, count));
        shard.IsAny.Should().BeFalse();
        shard.ToString().Should().Be(text);
    }

    [Fact]
    public void Any_is_whichever_part_is_unclaimed()
    {
        var shard = Shard.Parse("any");

        shard.IsAny.Should().BeTrue();
        shard.ToString().Should().Be("any");
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1")]
    [InlineData("all")]
    public void Anything_else_is_refused_with_the_forms_it_accepts(string text)
    {
        var parse = () => Shard.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage($"shard '{text}' must be i/n with 1 <= i <= n, e.g. 1/4, or any");
    }
}
