using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>
/// An image augmentation of the paper (section 3 of docs/paper.md), applied to a whole batch with
/// tensor operations only, so it runs where the images are (CPU or CUDA).
/// </summary>
public abstract class Augmentation
{
    /// <summary>The paper's name for it, e.g. <c>flip_lr</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Augments uint8 images of shape (N, 28, 28) into a new uint8 tensor of the same shape. Random
    /// parameters come from <paramref name="generator"/>, which must be on the images' device, so a
    /// seed fixes the result.
    /// </summary>
    public Tensor Apply(Tensor images, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ImageBatch.Require(images);
        using var scope = NewDisposeScope();
        return Transform(images, generator).MoveToOuterDisposeScope();
    }

    public override string ToString() => Name;

    /// <summary>The augmentation itself; intermediates belong to a scope that <see cref="Apply"/> disposes.</summary>
    protected abstract Tensor Transform(Tensor images, Generator generator);
}
