using LaVae.Torch;

namespace LaVae.Augmentations;

/// <summary>rotate_ccw: a quarter turn counterclockwise, torch.rot90 with k = 1 over (H, W).</summary>
public sealed class RotateCounterclockwise : Augmentation
{
    public override string Name => "rotate_ccw";

    protected override Tensor Transform(Tensor images, Generator generator) => images.rot90(1, (1, 2));
}
