using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

public class MiniImageTests
{
    private const int Mini = 8;

    [Fact]
    public void Pastes_a_bilinear_8x8_copy_over_the_top_left_corner_and_keeps_the_rest()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var images = TestImages.Random(4, seed: 11);

        var output = new MiniImage().Apply(images, generator);

        for (var index = 0; index < 4; index++)
        {
            var input = TestImages.Pixels(images, index);
            var result = TestImages.Pixels(output, index);
            for (var row = 0; row < TestImages.Side; row++)
            {
                for (var column = 0; column < TestImages.Side; column++)
                {
                    var expected = row < Mini && column < Mini ? NaiveResize(input, row, column) : input[row, column];
                    result[row, column].Should().Be(expected, because: $"image {index}, pixel ({row}, {column})");
                }
            }
        }
    }

    /// <summary>
    /// PyTorch's bilinear sampling (align_corners=False): source = (out + 0.5)·in/out − 0.5, not below
    /// 0, the next index clamped to the edge; torchvision rounds half to even before the uint8 cast.
    /// </summary>
    private static byte NaiveResize(byte[,] input, int row, int column)
    {
        const float scale = (float)TestImages.Side / Mini;
        static (int Low, int High, float Weight) Source(int output)
        {
            var position = MathF.Max(scale * (output + 0.5f) - 0.5f, 0);
            var low = (int)MathF.Floor(position);
            return (low, Math.Min(low + 1, TestImages.Side - 1), position - low);
        }

        var (top, bottom, dy) = Source(row);
        var (left, right, dx) = Source(column);
        var value = (1 - dy) * ((1 - dx) * input[top, left] + dx * input[top, right])
            + dy * ((1 - dx) * input[bottom, left] + dx * input[bottom, right]);
        return (byte)MathF.Round(value, MidpointRounding.ToEven);
    }
}
