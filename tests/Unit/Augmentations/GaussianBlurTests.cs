using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

public class GaussianBlurTests
{
    /// <summary>A bright blob away from the border: its blur loses nothing to the padding.</summary>
    private static Tensor Blob() => TestImages.Drawn((row, column) =>
        (byte)Math.Round(250 * Math.Exp(-((row - 13.5) * (row - 13.5) + (column - 12) * (column - 12)) / 8)));

    [Theory]
    [InlineData(0.1f)]
    [InlineData(1.0f)]
    [InlineData(2.0f)]
    public void Preserves_the_total_brightness(float sigma)
    {
        using var scope = NewDisposeScope();
        var blob = Blob();

        var blurred = GaussianBlur.Apply(blob, tensor(new[] { sigma }));

        double Total(Tensor images) => TestImages.Bytes(images).Sum(b => (double)b);
        Total(blurred).Should().BeApproximately(Total(blob), Total(blob) * 0.01, because: "the kernel sums to 1; only per-pixel rounding changes the total");
    }

    [Fact]
    public void Blurs_a_symmetric_image_symmetrically()
    {
        using var scope = NewDisposeScope();
        var symmetric = TestImages.Drawn((row, column) => (byte)((row * 7 + Math.Min(column, 27 - column) * 13) % 256));

        var blurred = GaussianBlur.Apply(symmetric, tensor(new[] { 1.3f }));

        TestImages.Bytes(blurred).Should().Equal(TestImages.Bytes(blurred.flip(2)));
    }

    [Fact]
    public void Leaves_a_constant_image_unchanged()
    {
        using var scope = NewDisposeScope();
        var grey = TestImages.Drawn((_, _) => 77);

        TestImages.Bytes(GaussianBlur.Apply(grey, tensor(new[] { 1.7f }))).Should().OnlyContain(b => b == 77);
    }

    [Fact]
    public void Spreads_a_point_more_with_a_larger_sigma()
    {
        using var scope = NewDisposeScope();
        var point = TestImages.Drawn((row, column) => row == 14 && column == 14 ? (byte)255 : (byte)0);

        var narrow = TestImages.Pixels(GaussianBlur.Apply(point, tensor(new[] { 0.5f })));
        var wide = TestImages.Pixels(GaussianBlur.Apply(point, tensor(new[] { 2.0f })));

        wide[14, 14].Should().BeLessThan(narrow[14, 14]);
        wide[14, 17].Should().BeGreaterThan(narrow[14, 17]);
    }
}
