using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Measures;

/// <summary>
/// A <see cref="DigitClassifier"/> with weights set by hand so its answer is known: class 0 for ink in
/// the top half of the image, class 1 for ink in the bottom half. Both convolutions pass pixel
/// (y + 2, x + 2) through channel 0; after pooling, hidden unit 0 sums the top six pooled rows (image
/// rows 2..13) and unit 1 the bottom six (rows 14..25); logit 0 = h0 − h1, logit 1 = h1 − h0, the
/// other eight logits 0. A single white pixel in the top half thus gives logits (1, −1, 0, ..., 0).
/// </summary>
internal static class TopOrBottomClassifier
{
    /// <summary>The probability it gives its answer for an image holding one white pixel: e / (e + 1/e + 8).</summary>
    public static readonly double OnePixelConfidence = Math.E / (Math.E + (1 / Math.E) + 8);

    public static DigitClassifier Build()
    {
        using var generator = new Generator(1);
        var model = new DigitClassifier(generator, CPU);
        var conv1 = new float[32 * 9];
        conv1[4] = 1; // out channel 0, in channel 0, centre of the 3x3 kernel
        var conv2 = new float[64 * 32 * 9];
        conv2[4] = 1;
        var fc1 = new float[128 * 9216];
        for (var i = 0; i < 72; i++)
        {
            fc1[i] = 1;           // unit 0: channel 0, pooled rows 0..5
            fc1[9216 + 72 + i] = 1; // unit 1: channel 0, pooled rows 6..11
        }

        var fc2 = new float[10 * 128];
        (fc2[0], fc2[1], fc2[128], fc2[129]) = (1, -1, -1, 1);
        using var scope = NewDisposeScope();
        model.LoadExactly(new Dictionary<string, Tensor>
        {
            ["conv1.weight"] = tensor(conv1, new long[] { 32, 1, 3, 3 }),
            ["conv1.bias"] = zeros([32]),
            ["conv2.weight"] = tensor(conv2, new long[] { 64, 32, 3, 3 }),
            ["conv2.bias"] = zeros([64]),
            ["fc1.weight"] = tensor(fc1, new long[] { 128, 9216 }),
            ["fc1.bias"] = zeros([128]),
            ["fc2.weight"] = tensor(fc2, new long[] { 10, 128 }),
            ["fc2.bias"] = zeros([10]),
        });
        return model;
    }

    /// <summary>uint8 images (N, 28, 28), each black with one white pixel at its (row, column).</summary>
    public static Tensor OnePixelImages(params (int Row, int Column)[] pixels)
    {
        var bytes = new byte[pixels.Length * 784];
        for (var i = 0; i < pixels.Length; i++)
        {
            bytes[(i * 784) + (pixels[i].Row * 28) + pixels[i].Column] = 255;
        }

        return tensor(bytes, new long[] { pixels.Length, 28, 28 });
    }
}
