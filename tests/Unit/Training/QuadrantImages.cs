using LaVae.Data;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// A labelled set a small classifier can learn in a few steps: each 28x28 image is black with one
/// white 6x6 square somewhere in one quadrant, and its label is that quadrant (0 top-left, 1 top-right,
/// 2 bottom-left, 3 bottom-right).
/// </summary>
internal static class QuadrantImages
{
    public static LabelledImages Make(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 784];
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            var quadrant = i % 4;
            labels[i] = quadrant;
            var top = (quadrant / 2 * 14) + random.Next(0, 8);
            var left = (quadrant % 2 * 14) + random.Next(0, 8);
            for (var y = top; y < top + 6; y++)
            {
                for (var x = left; x < left + 6; x++)
                {
                    pixels[(i * 784) + (y * 28) + x] = 255;
                }
            }
        }

        return new LabelledImages(tensor(pixels, new long[] { count, 28, 28 }), tensor(labels));
    }
}
