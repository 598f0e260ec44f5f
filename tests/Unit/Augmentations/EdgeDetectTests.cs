using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

public class EdgeDetectTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(0.25f)]
    [InlineData(0.6180339f)]
    [InlineData(1f)]
    public void Filters_with_the_blended_Laplacian_and_a_reflect_101_border(float alpha)
    {
        using var scope = NewDisposeScope();
        var images = TestImages.Random(2, seed: 3);

        var output = EdgeDetect.Apply(images, tensor(new[] { alpha, alpha }));

        for (var index = 0; index < 2; index++)
        {
            var input = TestImages.Pixels(images, index);
            var result = TestImages.Pixels(output, index);
            for (var row = 0; row < TestImages.Side; row++)
            {
                for (var column = 0; column < TestImages.Side; column++)
                {
                    result[row, column].Should().Be(NaiveFilter(input, alpha, row, column), because: $"alpha {alpha}, image {index}, pixel ({row}, {column})");
                }
            }
        }
    }

    [Fact]
    public void Alpha_zero_is_the_identity()
    {
        using var scope = NewDisposeScope();
        var images = TestImages.Random(2, seed: 4);

        TestImages.Bytes(EdgeDetect.Apply(images, zeros([2]))).Should().Equal(TestImages.Bytes(images));
    }

    /// <summary>
    /// The 3x3 filter in float32, border reflect-101 (index −1 reads 1, index 28 reads 26), taps
    /// summed in row-major order, rounded half to even and clipped, as OpenCV's filter2D on uint8.
    /// </summary>
    private static byte NaiveFilter(byte[,] input, float alpha, int row, int column)
    {
        static int Reflect(int index) => index < 0 ? -index : index >= TestImages.Side ? 2 * (TestImages.Side - 1) - index : index;
        float Tap(int dy, int dx) => input[Reflect(row + dy), Reflect(column + dx)];

        var centre = (1 - alpha) + alpha * -4;
        var sum = alpha * Tap(-1, 0) + alpha * Tap(0, -1) + centre * Tap(0, 0) + alpha * Tap(0, 1) + alpha * Tap(1, 0);
        return (byte)Math.Clamp(MathF.Round(sum, MidpointRounding.ToEven), 0, 255);
    }
}
