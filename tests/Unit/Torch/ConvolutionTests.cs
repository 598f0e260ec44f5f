using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class ConvolutionTests
{
    [Theory]
    [InlineData(ScalarType.Float64, 1e-13)]
    [InlineData(ScalarType.Float32, 1e-5)]
    public void Conv2d_with_stride_2_padding_1_and_bias_matches_the_naive_loop(ScalarType dtype, double tolerance)
    {
        using var scope = NewDisposeScope();
        long[] inputShape = [2, 3, 7, 6];
        long[] weightShape = [4, 3, 3, 3];
        var (input, weight, bias) = (TestData.Uniform(1, 2 * 3 * 7 * 6), TestData.Uniform(2, 4 * 3 * 3 * 3), TestData.Uniform(3, 4));
        var (expected, shape) = NaiveConv.Conv2d(input, inputShape, weight, weightShape, bias, stride: 2, padding: 1);

        var output = nn.functional.conv2d(TestData.Tensor(input, inputShape, dtype), TestData.Tensor(weight, weightShape, dtype), TestData.Tensor(bias, [4], dtype), strides: [2, 2], padding: [1, 1]);
        output.shape.Should().Equal(shape).And.Equal(2, 4, 4, 3);
        output.dtype.Should().Be(dtype);
        output.ShouldBeClose(expected, tolerance, "conv2d");
    }

    [Fact]
    public void Conv2d_without_bias_and_with_dilation_and_groups_matches_the_naive_loop()
    {
        using var scope = NewDisposeScope();
        long[] inputShape = [1, 4, 8, 7];
        long[] weightShape = [6, 2, 3, 2];
        var (input, weight) = (TestData.Uniform(4, 4 * 8 * 7), TestData.Uniform(5, 6 * 2 * 3 * 2));
        var (expected, shape) = NaiveConv.Conv2d(input, inputShape, weight, weightShape, bias: null, stride: 1, padding: 2, dilation: 2, groups: 2);

        var output = nn.functional.conv2d(TestData.Tensor(input, inputShape), TestData.Tensor(weight, weightShape), null, padding: [2, 2], dilation: [2, 2], groups: 2);
        output.shape.Should().Equal(shape);
        output.ShouldBeClose(expected, 1e-13, "grouped dilated conv2d");
    }

    [Theory]
    [InlineData(ScalarType.Float64, 1e-13)]
    [InlineData(ScalarType.Float32, 1e-5)]
    public void ConvTranspose2d_with_kernel_4_stride_2_padding_1_doubles_the_size_as_the_scatter_definition(ScalarType dtype, double tolerance)
    {
        using var scope = NewDisposeScope();
        long[] inputShape = [2, 3, 4, 5];
        long[] weightShape = [3, 2, 4, 4];
        var (input, weight, bias) = (TestData.Uniform(6, 2 * 3 * 4 * 5), TestData.Uniform(7, 3 * 2 * 4 * 4), TestData.Uniform(8, 2));
        var (expected, shape) = NaiveConv.ConvTranspose2d(input, inputShape, weight, weightShape, bias, stride: 2, padding: 1);

        var output = nn.functional.conv_transpose2d(TestData.Tensor(input, inputShape, dtype), TestData.Tensor(weight, weightShape, dtype), TestData.Tensor(bias, [2], dtype), strides: [2, 2], padding: [1, 1]);
        output.shape.Should().Equal(shape).And.Equal(2, 2, 8, 10);
        output.ShouldBeClose(expected, tolerance, "conv_transpose2d");
    }

    [Theory]
    [InlineData(ScalarType.Float64, 1e-12)]
    [InlineData(ScalarType.Float32, 1e-5)]
    public void ConvTranspose2d_with_16_output_channels_computed_as_a_convolution_gradient_matches_the_scatter_definition(ScalarType dtype, double tolerance)
    {
        // 16 or more output channels take the engine's other forward (conv2d's input gradient).
        using var scope = NewDisposeScope();
        long[] inputShape = [3, 5, 3, 4];
        long[] weightShape = [5, 16, 4, 4];
        var (input, weight, bias) = (TestData.Uniform(16, 3 * 5 * 3 * 4), TestData.Uniform(17, 5 * 16 * 4 * 4), TestData.Uniform(18, 16));
        var (expected, shape) = NaiveConv.ConvTranspose2d(input, inputShape, weight, weightShape, bias, stride: 2, padding: 1);

        var output = nn.functional.conv_transpose2d(TestData.Tensor(input, inputShape, dtype), TestData.Tensor(weight, weightShape, dtype), TestData.Tensor(bias, [16], dtype), strides: [2, 2], padding: [1, 1]);
        output.shape.Should().Equal(shape).And.Equal(3, 16, 6, 8);
        output.ShouldBeClose(expected, tolerance, "conv_transpose2d, 16 output channels");
    }

    [Fact]
    public void ConvTranspose2d_with_kernel_3_stride_2_padding_1_and_output_padding_matches_the_scatter_definition()
    {
        using var scope = NewDisposeScope();
        long[] inputShape = [1, 2, 3, 3];
        long[] weightShape = [2, 3, 3, 3];
        var (input, weight, bias) = (TestData.Uniform(9, 2 * 3 * 3), TestData.Uniform(10, 2 * 3 * 3 * 3), TestData.Uniform(11, 3));
        var (expected, shape) = NaiveConv.ConvTranspose2d(input, inputShape, weight, weightShape, bias, stride: 2, padding: 1, outputPadding: 1);

        var output = nn.functional.conv_transpose2d(TestData.Tensor(input, inputShape), TestData.Tensor(weight, weightShape), TestData.Tensor(bias, [3]), strides: [2, 2], padding: [1, 1], output_padding: [1, 1]);
        output.shape.Should().Equal(shape).And.Equal(1, 3, 6, 6);
        output.ShouldBeClose(expected, 1e-13, "conv_transpose2d with output padding");
    }

    [Fact]
    public void ConvTranspose2d_with_groups_and_dilation_matches_the_scatter_definition()
    {
        using var scope = NewDisposeScope();
        long[] inputShape = [1, 4, 3, 4];
        long[] weightShape = [4, 1, 2, 3];
        var (input, weight) = (TestData.Uniform(12, 4 * 3 * 4), TestData.Uniform(13, 4 * 2 * 3));
        var (expected, shape) = NaiveConv.ConvTranspose2d(input, inputShape, weight, weightShape, bias: null, stride: 1, dilation: 2, groups: 2);

        var output = nn.functional.conv_transpose2d(TestData.Tensor(input, inputShape), TestData.Tensor(weight, weightShape), null, dilation: [2, 2], groups: 2);
        output.shape.Should().Equal(shape);
        output.ShouldBeClose(expected, 1e-13, "grouped dilated conv_transpose2d");
    }

    [Fact]
    public void A_single_pixel_through_conv_transpose2d_stamps_the_kernel()
    {
        using var scope = NewDisposeScope();
        var kernel = new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        var output = nn.functional.conv_transpose2d(TestData.Tensor([2], [1, 1, 1, 1]), TestData.Tensor(kernel, [1, 1, 3, 3]), null);
        output.ShouldBeClose(kernel.Select(k => 2 * k).ToArray(), 0, "hand value: one input pixel scatters the whole kernel");
    }

    [Fact]
    public void Linear_matches_x_times_W_transposed_plus_b()
    {
        using var scope = NewDisposeScope();
        var (x, w, b) = (TestData.Uniform(14, 2 * 3 * 5), TestData.Uniform(15, 4 * 5), TestData.Uniform(16, 4));
        var output = nn.functional.linear(TestData.Tensor(x, [2, 3, 5]), TestData.Tensor(w, [4, 5]), TestData.Tensor(b, [4]));
        output.shape.Should().Equal(2, 3, 4);
        output.ShouldBeClose(NaiveConv.Linear(x, 5, w, 4, b), 1e-14, "linear with bias");
        nn.functional.linear(TestData.Tensor(x, [6, 5]), TestData.Tensor(w, [4, 5]))
            .ShouldBeClose(NaiveConv.Linear(x, 5, w, 4, bias: null), 1e-14, "linear without bias");
        nn.functional.linear(TestData.Tensor([1, 2], [1, 2]), TestData.Tensor([3, 4, 5, 6], [2, 2]), TestData.Tensor([0.5, -1], [2]))
            .ShouldBeClose([11.5, 16], 0, "hand value: [1·3 + 2·4 + 0.5, 1·5 + 2·6 − 1]");
    }
}
