using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>Models and data small enough for unit tests: F = 4 filters and a handful of random 28x28 digits.</summary>
internal static class Tiny
{
    public static readonly ModelShape Shape = new(Filters: 4);

    public static readonly string[] Flips = ["flip_lr", "flip_ud"];

    public static Lavae Lavae(ulong seed = 1, LatentMapKind maps = LatentMapKind.Linear)
    {
        using var generator = new Generator(seed);
        return new Lavae(Shape, Flips, maps, generator, CPU);
    }

    public static Cvae Cvae(ulong seed = 1)
    {
        using var generator = new Generator(seed);
        return new Cvae(Shape, generator, CPU);
    }

    /// <summary>
    /// Random uint8 images from a seeded System.Random and their flips, as the four aligned sets of
    /// (flip_lr, flip_ud): x0, x0 mirrored left-right, upside down, and both.
    /// </summary>
    public static AlignedSets Sets(int count, int seed)
    {
        var bytes = new byte[count * 28 * 28];
        new Random(seed).NextBytes(bytes);
        var orig = tensor(bytes, new long[] { count, 28, 28 }).DetachFromDisposeScope();
        var lr = orig.flip(2).DetachFromDisposeScope();
        return new AlignedSets(orig, lr, orig.flip(1).DetachFromDisposeScope(), lr.flip(1).DetachFromDisposeScope());
    }

    /// <summary>Four aligned sets that are unrelated random images, so a test notices which set a loss reads.</summary>
    public static AlignedSets UnrelatedSets(int count, int seed)
    {
        var random = new Random(seed);
        var sets = new Tensor[4];
        for (var k = 0; k < 4; k++)
        {
            var bytes = new byte[count * 28 * 28];
            random.NextBytes(bytes);
            sets[k] = tensor(bytes, new long[] { count, 28, 28 }).DetachFromDisposeScope();
        }

        return new AlignedSets(sets[0], sets[1], sets[2], sets[3]);
    }

    public static Tensor Indices(params long[] indices) => tensor(indices);

    /// <summary>A float (count, columns) tensor with values from a seeded System.Random in [low, high).</summary>
    public static Tensor Matrix(int count, int columns, int seed, double low = -1, double high = 1)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count * columns).Select(_ => (float)(low + ((high - low) * random.NextDouble()))).ToArray();
        return tensor(values, new long[] { count, columns });
    }
}
