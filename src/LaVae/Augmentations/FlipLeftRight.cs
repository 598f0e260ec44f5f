using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>flip_lr: reverses the columns.</summary>
public sealed class FlipLeftRight : Augmentation
{
    public override string Name => "flip_lr";

    protected override Tensor Transform(Tensor images, Generator generator) => images.flip(2);
}
