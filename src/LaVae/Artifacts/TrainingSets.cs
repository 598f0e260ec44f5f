using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Training;
using LaVae.DataFetching;

namespace LaVae.Artifacts;

/// <summary>
/// The aligned sets of a pair, built once per process from the first N images of a split and kept
/// on the device: every artifact and measure that reads a pair's sets shares them. A set's random
/// augmentation parameters come from (seed, split) alone, so each pair's sets are the same in every
/// experiment that uses them. The labelled images of a split (for the digit classifier) are kept the
/// same way.
/// </summary>
public sealed class TrainingSets(DatasetStore store, Device device) : IDisposable
{
    private readonly Dictionary<string, DatasetSplit> splits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlignedSets> sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LabelledImages> labelled = new(StringComparer.Ordinal);

    public AlignedSets Get(string dataset, IReadOnlyList<string> pair, Split split, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var key = $"{dataset}/{string.Join(',', pair)}/{split}/{count}/{seed}";
        if (!sets.TryGetValue(key, out var aligned))
        {
            aligned = Build(Load(dataset, split), pair, count, seed);
            sets.Add(key, aligned);
        }

        return aligned;
    }

    /// <summary>The first <paramref name="count"/> images of a split with their labels.</summary>
    public LabelledImages Labelled(string dataset, Split split, int count)
    {
        var key = $"{dataset}/{split}/{count}";
        if (!labelled.TryGetValue(key, out var images))
        {
            var loaded = Load(dataset, split);
            RequireImages(loaded, count);
            using var labels = tensor(loaded.Labels.Labels[..count], device: device);
            images = new LabelledImages(Originals(loaded, count), labels.to(ScalarType.Int64).DetachFromDisposeScope());
            labelled.Add(key, images);
        }

        return images;
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

        foreach (var images in labelled.Values)
        {
            images.Dispose();
        }

        sets.Clear();
        labelled.Clear();
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

    private static void RequireImages(DatasetSplit split, int count)
    {
        if (count > split.Count)
        {
            throw new ArgumentException($"{count} {SplitName(split.Split)} images are asked for but {split.Dataset} has {split.Count}");
        }
    }

    private static string SplitName(Split split) => split == Split.Train ? "train" : "test";

    private Tensor Originals(DatasetSplit split, int count)
    {
        var pixels = split.Images.Pixels[..(count * split.Images.PixelsPerImage)];
        return tensor(pixels, new long[] { count, split.Images.Rows, split.Images.Cols }, device: device).DetachFromDisposeScope();
    }

    private AlignedSets Build(DatasetSplit split, IReadOnlyList<string> pair, int count, int seed)
    {
        RequireImages(split, count);
        var originals = Originals(split, count);
        using var scope = NewDisposeScope();
        var augmented = AugmentationRegistry.Pair(pair[0], pair[1]).Apply(originals, Seeds.Derive((ulong)seed, $"augment/{SplitName(split.Split)}"));

        // Detached, not moved to the caller's scope: the sets are cached for the process and disposed
        // with it, and may first be asked for inside a training step's scope (a lazily built part).
        return new AlignedSets(
            originals, augmented[AugClass.Aug1].DetachFromDisposeScope(), augmented[AugClass.Aug2].DetachFromDisposeScope(), augmented[AugClass.Compose].DetachFromDisposeScope());
    }
}
