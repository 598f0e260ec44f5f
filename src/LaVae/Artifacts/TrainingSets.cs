using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Artifacts;

/// <summary>
/// The aligned sets of a pair, built once per process from the first N images of a split and kept
/// on the device: every artifact and measure that reads a pair's sets shares them. A set's random
/// augmentation parameters come from (seed, split) alone, so each pair's sets are the same in every
/// experiment that uses them.
/// </summary>
public sealed class TrainingSets(DatasetStore store, Device device) : IDisposable
{
    private readonly Dictionary<string, DatasetSplit> splits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlignedSets> sets = new(StringComparer.Ordinal);

    public AlignedSets Get(string dataset, IReadOnlyList<string> pair, Split split, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var key = $"{dataset}/{string.Join(',', pair)}/{split}/{count}/{seed}";
        if (!sets.TryGetValue(key, out var aligned))
        {
            aligned = Build(Load(dataset, split), pair, count, seed, split == Split.Train ? "train" : "test");
            sets.Add(key, aligned);
        }

        return aligned;
    }

    /// <summary>The labels of the first <paramref name="count"/> digits of a split, the digits <see cref="Get"/> augments.</summary>
    public byte[] Labels(string dataset, Split split, int count)
    {
        var labels = Load(dataset, split).Labels.Labels;
        if (count > labels.Length)
        {
            throw new ArgumentException($"{count} labels are asked for but {dataset} has {labels.Length}");
        }

        return labels[..count];
    }

    public void Dispose()
    {
        foreach (var aligned in sets.Values)
        {
            aligned.Dispose();
        }

        sets.Clear();
    }

    private DatasetSplit Load(string dataset, Split split)
    {
        var key = $"{dataset}/{split}";
        if (!splits.TryGetValue(key, out var loaded))
        {
            loaded = store.Load(DatasetNames.Parse(dataset), split);
            splits.Add(key, loaded);
        }

        return loaded;
    }

    private AlignedSets Build(DatasetSplit split, IReadOnlyList<string> pair, int count, int seed, string splitName)
    {
        if (count > split.Count)
        {
            throw new ArgumentException($"{count} {splitName} images are asked for but {split.Dataset} has {split.Count}");
        }

        var pixels = split.Images.Pixels.AsSpan(0, count * split.Images.PixelsPerImage);
        var originals = Tensor.From<byte>(pixels, [count, split.Images.Rows, split.Images.Cols], device).DetachFromScope();
        using var scope = Engine.NewDisposeScope();
        var augmented = AugmentationRegistry.Pair(pair[0], pair[1]).Apply(originals, Seeds.Derive((ulong)seed, $"augment/{splitName}"));
        return new AlignedSets(
            originals, augmented[AugClass.Aug1].MoveToOuterScope(), augmented[AugClass.Aug2].MoveToOuterScope(), augmented[AugClass.Compose].MoveToOuterScope());
    }
}
