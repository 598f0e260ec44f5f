using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class SamplingOpTests
{
    [Theory]
    [InlineData(ScalarType.Float64, 1e-14)]
    [InlineData(ScalarType.Float32, 1e-6)]
    public void Interpolate_28x28_to_8x8_bilinear_matches_pytorchs_source_index_formula(ScalarType dtype, double tolerance)
    {
        using var scope = NewDisposeScope();
        long[] shape = [2, 3, 28, 28];
        var input = TestData.Uniform(1, 2 * 3 * 28 * 28, 0, 1);
        var output = nn.functional.interpolate(TestData.Tensor(input, shape, dtype), [8, 8], mode: InterpolationMode.Bilinear, align_corners: false);
        output.shape.Should().Equal(2, 3, 8, 8);
        output.dtype.Should().Be(dtype);
        output.ShouldBeClose(NaiveSampling.InterpolateBilinear(input, shape, 8, 8, alignCorners: false), tolerance, "28×28 → 8×8");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Interpolate_upsampling_to_an_odd_size_matches_the_formula(bool alignCorners)
    {
        using var scope = NewDisposeScope();
        long[] shape = [1, 2, 5, 4];
        var input = TestData.Uniform(2, 2 * 5 * 4);
        nn.functional.interpolate(TestData.Tensor(input, shape), [9, 11], mode: InterpolationMode.Bilinear, align_corners: alignCorners)
            .ShouldBeClose(NaiveSampling.InterpolateBilinear(input, shape, 9, 11, alignCorners), 1e-14, $"5×4 → 9×11, align_corners={alignCorners}");
    }

    [Fact]
    public void Interpolate_of_a_2x2_to_4x4_matches_hand_values()
    {
        using var scope = NewDisposeScope();
        // Columns read the source at (d + 0.5)/2 − 0.5 = −0.25 → 0, 0.25, 0.75, 1.25 → 1 (clamped by the edge).
        var output = nn.functional.interpolate(TestData.Tensor([0, 4, 8, 12], [1, 1, 2, 2]), [4, 4], mode: InterpolationMode.Bilinear, align_corners: false);
        output.ShouldBeClose([0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12], 1e-15, "2×2 → 4×4");
    }

    [Fact]
    public void Interpolate_with_antialias_averages_over_the_scaled_triangle_filter()
    {
        using var scope = NewDisposeScope();
        long[] shape = [1, 2, 28, 28];
        var input = TestData.Uniform(3, 2 * 28 * 28, 0, 1);
        var x = TestData.Tensor(input, shape);
        var antialiased = nn.functional.interpolate(x, [8, 8], mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
        antialiased.ShouldBeClose(NaiveSampling.InterpolateBilinearAntialiased(input, shape, 8, 8), 1e-13, "antialiased 28×28 → 8×8");
        Approx.Values(antialiased).Should().NotEqual(Approx.Values(nn.functional.interpolate(x, [8, 8], mode: InterpolationMode.Bilinear, align_corners: false)), "antialiasing changes a downsample");
    }

    [Fact]
    public void GridSample_bilinear_with_zeros_padding_matches_the_naive_sampler()
    {
        using var scope = NewDisposeScope();
        long[] shape = [2, 3, 5, 6];
        var input = TestData.Uniform(4, 2 * 3 * 5 * 6);
        var grid = TestData.Uniform(5, 2 * 4 * 7 * 2, -1.3, 1.3);
        var output = nn.functional.grid_sample(TestData.Tensor(input, shape), TestData.Tensor(grid, [2, 4, 7, 2]), align_corners: false);
        output.shape.Should().Equal(2, 3, 4, 7);
        output.ShouldBeClose(NaiveSampling.GridSample(input, shape, grid, 4, 7), 1e-14, "bilinear, zeros, align_corners=false");
    }

    [Theory]
    [InlineData(GridSampleMode.Bilinear, GridSamplePaddingMode.Border, false)]
    [InlineData(GridSampleMode.Nearest, GridSamplePaddingMode.Zeros, false)]
    [InlineData(GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, true)]
    public void GridSample_other_modes_match_the_naive_sampler(GridSampleMode mode, GridSamplePaddingMode padding, bool alignCorners)
    {
        using var scope = NewDisposeScope();
        long[] shape = [1, 2, 5, 6];
        var input = TestData.Uniform(6, 2 * 5 * 6);
        var grid = TestData.Uniform(7, 3 * 4 * 2, -1.3, 1.3);
        var output = nn.functional.grid_sample(TestData.Tensor(input, shape), TestData.Tensor(grid, [1, 3, 4, 2]), mode: mode, padding_mode: padding, align_corners: alignCorners);
        var expected = NaiveSampling.GridSample(input, shape, grid, 3, 4, nearest: mode == GridSampleMode.Nearest,
            border: padding == GridSamplePaddingMode.Border, alignCorners: alignCorners);
        output.ShouldBeClose(expected, 1e-14, $"{mode}, {padding}, align_corners={alignCorners}");
    }

    [Fact]
    public void AffineGrid_of_the_identity_gives_pixel_centres()
    {
        using var scope = NewDisposeScope();
        var identity = TestData.Tensor([1, 0, 0, 0, 1, 0], [1, 2, 3]);
        var grid = nn.functional.affine_grid(identity, [1, 1, 2, 3]);
        grid.shape.Should().Equal(1, 2, 3, 2);
        // align_corners=false: x = (2w + 1)/W − 1, y = (2h + 1)/H − 1, as (x, y) pairs row by row.
        grid.ShouldBeClose([-2.0 / 3, -0.5, 0, -0.5, 2.0 / 3, -0.5, -2.0 / 3, 0.5, 0, 0.5, 2.0 / 3, 0.5], 1e-15, "identity grid");
        nn.functional.affine_grid(identity, [1, 1, 2, 3], align_corners: true)
            .ShouldBeClose([-1, -1, 0, -1, 1, -1, -1, 1, 0, 1, 1, 1], 1e-15, "identity grid, align_corners=true");
    }

    [Fact]
    public void AffineGrid_of_a_shear_with_translation_matches_hand_values()
    {
        using var scope = NewDisposeScope();
        // x' = x + 0.5·y + 0.1, y' = y − 0.2 at x ∈ {−2/3, 0, 2/3}, y ∈ {−1/2, 1/2}.
        var shear = TestData.Tensor([1, 0.5, 0.1, 0, 1, -0.2], [1, 2, 3]);
        nn.functional.affine_grid(shear, [1, 1, 2, 3]).ShouldBeClose(
        [
            (-2.0 / 3) - 0.15, -0.7, -0.15, -0.7, (2.0 / 3) - 0.15, -0.7,
            (-2.0 / 3) + 0.35, 0.3, 0.35, 0.3, (2.0 / 3) + 0.35, 0.3,
        ], 1e-15, "sheared grid");
    }

    [Fact]
    public void GridSample_over_the_identity_affine_grid_reproduces_the_input()
    {
        using var scope = NewDisposeScope();
        var input = TestData.Uniform(8, 2 * 3 * 4 * 5);
        var theta = TestData.Tensor([1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0], [2, 2, 3]);
        var grid = nn.functional.affine_grid(theta, [2, 3, 4, 5]);
        nn.functional.grid_sample(TestData.Tensor(input, [2, 3, 4, 5]), grid, align_corners: false).ShouldBeClose(input, 1e-14, "identity resampling");
    }

    [Fact]
    public void Pad_constant_fills_the_border_with_the_value()
    {
        using var scope = NewDisposeScope();
        var x = TestData.Tensor([1, 2, 3, 4], [1, 1, 2, 2]);
        var padded = nn.functional.pad(x, [1, 0, 0, 1], PaddingModes.Constant, 7);
        padded.shape.Should().Equal(1, 1, 3, 3);
        padded.ToArray<double>().Should().Equal(7, 1, 2, 7, 3, 4, 7, 7, 7);
        nn.functional.pad(x, [1, 1]).ToArray<double>().Should().Equal(0, 1, 2, 0, 0, 3, 4, 0);
    }

    [Fact]
    public void Pad_reflect_replicate_and_circular_match_hand_values()
    {
        using var scope = NewDisposeScope();
        var row = TestData.Tensor([1, 2, 3], [1, 1, 3]);
        nn.functional.pad(row, [2, 1], PaddingModes.Reflect).ToArray<double>().Should().Equal(3, 2, 1, 2, 3, 2);
        nn.functional.pad(row, [2, 1], PaddingModes.Replicate).ToArray<double>().Should().Equal(1, 1, 1, 2, 3, 3);
        nn.functional.pad(row, [2, 1], PaddingModes.Circular).ToArray<double>().Should().Equal(2, 3, 1, 2, 3, 1);

        var square = TestData.Tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3]);
        nn.functional.pad(square, [1, 1, 1, 1], PaddingModes.Reflect).ToArray<double>().Should().Equal(
            5, 4, 5, 6, 5,
            2, 1, 2, 3, 2,
            5, 4, 5, 6, 5,
            8, 7, 8, 9, 8,
            5, 4, 5, 6, 5);
        nn.functional.pad(square, [0, 1, 1, 0], PaddingModes.Replicate).ToArray<double>().Should().Equal(
            1, 2, 3, 3,
            1, 2, 3, 3,
            4, 5, 6, 6,
            7, 8, 9, 9);
    }

    [Fact]
    public void MaxPool2d_matches_the_naive_window_maximum()
    {
        using var scope = NewDisposeScope();
        long[] shape = [2, 3, 7, 6];
        var input = TestData.Uniform(9, 2 * 3 * 7 * 6);
        var x = TestData.Tensor(input, shape);

        var pooled = nn.functional.max_pool2d(x, 2);
        pooled.shape.Should().Equal(2, 3, 3, 3);
        pooled.ShouldBeClose(NaiveConv.MaxPool2d(input, shape, kernel: 2, stride: 2).Output, 0, "2×2 pool, stride defaults to the kernel");

        var (expected, expectedShape) = NaiveConv.MaxPool2d(input, shape, kernel: 3, stride: 2, padding: 1);
        var overlapping = nn.functional.max_pool2d(x, 3, stride: 2, padding: 1);
        overlapping.shape.Should().Equal(expectedShape);
        overlapping.ShouldBeClose(expected, 0, "3×3 pool, stride 2, padding 1");
    }
}
