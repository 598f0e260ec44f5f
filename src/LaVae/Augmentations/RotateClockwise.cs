using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>rotate_cw: a quarter turn clockwise, torch.rot90 with k = -1 over (H, W).</summary>
public sealed class RotateClockwise : Augmentation
{
    public override string Name => "rotate_cw";

    protected override Tensor Transform(Tensor images, Generator generator) => images.rot90(-1, (1, 2));
}
