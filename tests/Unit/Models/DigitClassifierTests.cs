using LaVae.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>The harness's classifier: its layers, and its forward pass against the textbook loops.</summary>
public class DigitClassifierTests
{
    [Fact]
    public void It_has_two_3x3_convolutions_a_128_unit_hidden_layer_and_10_outputs()
    {
        using var generator = new Generator(1);
        using var model = new DigitClassifier(generator, CPU);

        model.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))).Should().Equal(
            ("conv1.weight", "32x1x3x3"), ("conv1.bias", "32"),
            ("conv2.weight", "64x32x3x3"), ("conv2.bias", "64"),
            ("fc1.weight", "128x9216"), ("fc1.bias", "128"),
            ("fc2.weight", "10x128"), ("fc2.bias", "10"));
        // 32·9 + 32 = 320; 64·32·9 + 64 = 18496; 9216·128 + 128 = 1179776; 128·10 + 10 = 1290.
        model.parameters().Sum(p => p.NumberOfElements).Should().Be(320 + 18496 + 1179776 + 1290).And.Be(1199882);
    }

    [Fact]
    public void Forward_matches_conv_relu_conv_relu_pool_linear_relu_linear_computed_by_loops()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        using var model = new DigitClassifier(generator, CPU);
        var pixels = TestData.Uniform(3, 2 * 784, 0, 1);
        var weights = model.state_dict().ToDictionary(p => p.Key, p => p.Value.to(ScalarType.Float64).ToArray<double>());

        var logits = model.forward(TestData.Tensor(pixels, [2, 1, 28, 28], ScalarType.Float32));

        var (h1, s1) = NaiveConv.Conv2d(pixels, [2, 1, 28, 28], weights["conv1.weight"], [32, 1, 3, 3], weights["conv1.bias"]);
        var (h2, s2) = NaiveConv.Conv2d(Relu(h1), s1, weights["conv2.weight"], [64, 32, 3, 3], weights["conv2.bias"]);
        var (pooled, pooledShape) = NaiveConv.MaxPool2d(Relu(h2), s2, kernel: 2, stride: 2);
        pooledShape.Should().Equal(2, 64, 12, 12);
        var hidden = Relu(NaiveConv.Linear(pooled, 9216, weights["fc1.weight"], 128, weights["fc1.bias"]));
        var expected = NaiveConv.Linear(hidden, 128, weights["fc2.weight"], 10, weights["fc2.bias"]);
        logits.shape.Should().Equal(2, 10);
        logits.ShouldBeClose(expected, 1e-4, "logits of two random images (float32 against float64 loops)");
    }

    private static double[] Relu(double[] values) => values.Select(v => Math.Max(v, 0)).ToArray();
}
