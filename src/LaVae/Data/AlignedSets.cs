using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Data;

/// <summary>
/// The four aligned sets of a pair (A1, A2) for one split: x0, A1(x0), A2(x0) and A2(A1(x0)),
/// each a uint8 tensor (N, 28, 28) on the training device; image i of each set comes from x0[i].
/// </summary>
public sealed class AlignedSets : IDisposable
{
    private readonly Tensor[] sets;

    public AlignedSets(Tensor orig, Tensor aug1, Tensor aug2, Tensor compose)
    {
        sets = [orig, aug1, aug2, compose];
        Count = orig.size(0);
        if (sets.Any(s => s.size(0) != Count))
        {
            throw new ArgumentException("the four aligned sets must hold the same number of images");
        }
    }

    public long Count { get; }

    public Tensor this[AugClass augClass] => sets[(int)augClass];

    public Tensor Orig => sets[0];

    /// <summary>
    /// Images <paramref name="indices"/> of one set as the models' input: float (B, 1, 28, 28) in [0, 1]
    /// (pixel/255, as the authors' ToTensor).
    /// </summary>
    public Tensor Batch(AugClass augClass, Tensor indices) => ToModelInput(sets[(int)augClass].index_select(0, indices));

    public static Tensor ToModelInput(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return (images.to(ScalarType.Float32) / 255.0).unsqueeze(1);
    }

    /// <summary>The chosen sets one after another, (k·N, 28, 28): example i is image i mod N of set i div N.</summary>
    public Tensor Union(IReadOnlyList<AugClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return cat(classes.Select(c => sets[(int)c]).ToArray());
    }

    /// <summary>The first <paramref name="count"/> images of every set.</summary>
    public AlignedSets Take(long count) => new(
        sets[0].narrow(0, 0, count), sets[1].narrow(0, 0, count), sets[2].narrow(0, 0, count), sets[3].narrow(0, 0, count));

    public void Dispose()
    {
        foreach (var set in sets)
        {
            set.Dispose();
        }
    }
}
