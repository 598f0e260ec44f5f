using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

public class FlipAndRotateTests
{
    private const int Last = TestImages.Side - 1;

    public static TheoryData<Augmentation, Func<byte[,], int, int, byte>> Mappings => new()
    {
        { new FlipLeftRight(), (input, row, column) => input[row, Last - column] },
        { new FlipUpDown(), (input, row, column) => input[Last - row, column] },
        { new RotateClockwise(), (input, row, column) => input[Last - column, row] },
        { new RotateCounterclockwise(), (input, row, column) => input[column, Last - row] },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Moves_every_pixel_where_the_geometry_says(Augmentation augmentation, Func<byte[,], int, int, byte> source)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var images = TestImages.Random(3, seed: 5);

        var output = augmentation.Apply(images, generator);

        for (var index = 0; index < 3; index++)
        {
            var input = TestImages.Pixels(images, index);
            var result = TestImages.Pixels(output, index);
            for (var row = 0; row < TestImages.Side; row++)
            {
                for (var column = 0; column < TestImages.Side; column++)
                {
                    result[row, column].Should().Be(source(input, row, column), because: $"{augmentation}, image {index}, pixel ({row}, {column})");
                }
            }
        }
    }

    public static TheoryData<Augmentation, int, int> Corners => new()
    {
        { new FlipLeftRight(), 0, Last },
        { new FlipUpDown(), Last, 0 },
        { new RotateClockwise(), 0, Last },
        { new RotateCounterclockwise(), Last, 0 },
    };

    [Theory]
    [MemberData(nameof(Corners))]
    public void Sends_the_top_left_corner_to_the_expected_corner(Augmentation augmentation, int row, int column)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var corner = TestImages.Drawn((r, c) => r == 0 && c == 0 ? (byte)255 : (byte)0);

        var output = augmentation.Apply(corner, generator);

        TestImages.Pixels(output)[row, column].Should().Be(255);
        TestImages.Bytes(output).Count(b => b != 0).Should().Be(1, because: "nothing else is lit");
    }

    [Fact]
    public void Rotating_clockwise_turns_the_top_row_into_the_right_column_read_downwards()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var topRow = TestImages.Drawn((r, c) => r == 0 ? (byte)(c + 1) : (byte)0);

        var result = TestImages.Pixels(new RotateClockwise().Apply(topRow, generator));

        Enumerable.Range(0, TestImages.Side).Select(r => result[r, Last]).Should().Equal(Enumerable.Range(1, TestImages.Side).Select(v => (byte)v));
    }
}
