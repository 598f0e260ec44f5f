using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>
/// An augmentation an experiment declares from a family: named by its canonical definition (e.g.
/// <c>rotate(degrees=45)</c>), so two declarations that mean the same augmentation are one.
/// </summary>
public sealed class DeclaredAugmentation(string id, Func<Tensor, Generator, Tensor> transform) : Augmentation
{
    public override string Name => id;

    protected override Tensor Transform(Tensor images, Generator generator) => transform(images, generator);
}
