using LaVae.Torch;
using TorchSharp.Modules;
using TorchSharp.Utils;

namespace LaVae.Models;

/// <summary>
/// The harness's own image classifier (not in the paper), which reads decoded images for the class
/// measure: Conv(1→32, k3) ReLU, Conv(32→64, k3) ReLU, 2x2 max-pool, flatten 64·12·12,
/// Linear(9216→128) ReLU, Linear(128→10) to the logits of the ten classes (MNIST's digits,
/// Fashion-MNIST's garments). PyTorch's MNIST example network without its dropout, so training is
/// deterministic given the seed.
/// </summary>
public sealed class DigitClassifier : nn.Module<Tensor, Tensor>
{
    public const int Classes = 10;

    // 28 → 26 → 24 after two unpadded 3x3 convolutions, 12 after pooling.
    private const int PooledFeatures = 64 * 12 * 12;

    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    // Each field is named as it is registered: TorchSharp also lists a submodule's fields under their
    // C# names, so without the attribute a checkpoint would hold these tensors twice.
    [ComponentName(Name = "fc1")]
    private readonly Linear hidden;
    [ComponentName(Name = "fc2")]
    private readonly Linear output;

    public DigitClassifier(Generator generator, Device device)
        : base(nameof(DigitClassifier))
    {
        conv1 = Layers.Conv2d(1, 32, 3, stride: 1, padding: 0, generator, device);
        conv2 = Layers.Conv2d(32, 64, 3, stride: 1, padding: 0, generator, device);
        hidden = Layers.Linear(PooledFeatures, 128, generator, device);
        output = Layers.Linear(128, Classes, generator, device);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        register_module("fc1", hidden);
        register_module("fc2", output);
    }

    /// <summary>x: (N, 1, 28, 28) in [0, 1] → logits (N, 10).</summary>
    public override Tensor forward(Tensor x)
    {
        var features = nn.functional.max_pool2d(conv2.forward(conv1.forward(x).relu()).relu(), 2).flatten(1);
        return output.forward(hidden.forward(features).relu());
    }
}
