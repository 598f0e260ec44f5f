using LaVae.Torch;
using LaVae.Torch.Modules;

namespace LaVae.Models;

/// <summary>
/// The harness's own image classifier (not in the paper), which reads decoded images for the class
/// measure: Conv(1→32, k3) ReLU, Conv(32→64, k3) ReLU, 2x2 max-pool, flatten 64·12·12,
/// Linear(9216→128) ReLU, Linear(128→10) to the logits of the ten classes (MNIST's digits,
/// Fashion-MNIST's garments). PyTorch's MNIST example network without its dropout, so training is
/// deterministic given the seed.
/// </summary>
public sealed class DigitClassifier : Module
{
    public const int Classes = 10;

    // 28 → 26 → 24 after two unpadded 3x3 convolutions, 12 after pooling.
    private const int PooledFeatures = 64 * 12 * 12;

    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear hidden;
    private readonly Linear output;

    public DigitClassifier(Generator generator, Device device)
    {
        conv1 = RegisterModule("conv1", new Conv2d(1, 32, 3, generator: generator, device: device));
        conv2 = RegisterModule("conv2", new Conv2d(32, 64, 3, generator: generator, device: device));
        hidden = RegisterModule("fc1", new Linear(PooledFeatures, 128, generator, device));
        output = RegisterModule("fc2", new Linear(128, Classes, generator, device));
    }

    /// <summary>x: (N, 1, 28, 28) in [0, 1] → logits (N, 10).</summary>
    public Tensor Forward(Tensor x)
    {
        var features = Functional.MaxPool2d(conv2.Forward(conv1.Forward(x).Relu()).Relu(), 2).Flatten(1);
        return output.Forward(hidden.Forward(features).Relu());
    }
}
