using LaVae.Torch;

namespace LaVae.Data;

/// <summary>
/// The first N images of a split with their labels, on the training device: images uint8 (N, 28, 28),
/// labels int64 (N), image i labelled i. What a classifier trains and is scored on; the aligned sets
/// of a pair (<see cref="AlignedSets"/>) hold the same images without labels.
/// </summary>
public sealed class LabelledImages : IDisposable
{
    public LabelledImages(Tensor images, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Dimensions != 1 || labels.size(0) != images.size(0))
        {
            throw new ArgumentException($"{images.size(0)} images need as many labels in one dimension, got [{string.Join(",", labels.shape)}]");
        }

        (Images, Labels) = (images, labels);
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public long Count => Images.size(0);

    /// <summary>Images <paramref name="indices"/> as the models' input: float (B, 1, 28, 28) in [0, 1].</summary>
    public Tensor Batch(Tensor indices) => AlignedSets.ToModelInput(Images.index_select(0, indices));

    /// <summary>The labels of images <paramref name="indices"/>, int64 (B).</summary>
    public Tensor LabelsOf(Tensor indices) => Labels.index_select(0, indices);

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
