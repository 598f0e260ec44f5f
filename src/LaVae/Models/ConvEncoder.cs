using LaVae.Torch;
using TorchSharp.Modules;
using TorchSharp.Utils;

namespace LaVae.Models;

/// <summary>
/// q(z|x) of paper Appendix C: Conv(1→F, k4 s2 p1) ReLU, Conv(F→2F, k4 s2 p1) ReLU, flatten to
/// 2F·7·7, then two linear heads for μ and log σ². A CVAE appends its one-hot condition to the
/// flattened features before the heads (conditionSize > 0).
/// </summary>
public sealed class ConvEncoder : nn.Module<Tensor, (Tensor Mu, Tensor LogVar)>
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    // Each field is named as it is registered: TorchSharp also lists a submodule's fields under their
    // C# names, so without the attribute a checkpoint would hold these tensors twice.
    [ComponentName(Name = "fc_mu")]
    private readonly Linear mu;
    [ComponentName(Name = "fc_logvar")]
    private readonly Linear logVar;

    public ConvEncoder(ModelShape shape, int conditionSize, Generator generator, Device device)
        : base(nameof(ConvEncoder))
    {
        ArgumentNullException.ThrowIfNull(shape);
        ConditionSize = conditionSize;
        var features = shape.FlatFeatures;
        conv1 = Layers.Conv2d(1, shape.Filters, 4, stride: 2, padding: 1, generator, device);
        conv2 = Layers.Conv2d(shape.Filters, 2 * shape.Filters, 4, stride: 2, padding: 1, generator, device);
        mu = Layers.Linear(features + conditionSize, shape.Latent, generator, device);
        logVar = Layers.Linear(features + conditionSize, shape.Latent, generator, device);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        register_module("fc_mu", mu);
        register_module("fc_logvar", logVar);
    }

    public int ConditionSize { get; }

    /// <summary>x: (N, 1, 28, 28) in [0, 1]; condition: (N, ConditionSize) one-hot or null.</summary>
    public override (Tensor Mu, Tensor LogVar) forward(Tensor x) => Heads(Features(x));

    public (Tensor Mu, Tensor LogVar) forward(Tensor x, Tensor? condition) => Heads(Features(x), condition);

    /// <summary>
    /// The flattened conv features (N, 2F·7·7). CSVAE's q(w|x,y) reads them too, so its two
    /// posteriors share one pass through the convolutions.
    /// </summary>
    public Tensor Features(Tensor x) => conv2.forward(conv1.forward(x).relu()).relu().flatten(1);

    /// <summary>μ and log σ² from the features, the condition appended first where there is one.</summary>
    public (Tensor Mu, Tensor LogVar) Heads(Tensor features, Tensor? condition = null)
    {
        var h = condition is null ? features : cat([features, condition], dim: 1);
        return (mu.forward(h), logVar.forward(h));
    }
}
