using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>flip_ud: reverses the rows.</summary>
public sealed class FlipUpDown : Augmentation
{
    public override string Name => "flip_ud";

    protected override Tensor Transform(Tensor images, Generator generator) => images.flip(1);
}
