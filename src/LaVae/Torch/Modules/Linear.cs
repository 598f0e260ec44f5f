namespace LaVae.Torch.Modules;

/// <summary>y = x·Wᵀ + b, W of shape (out, in), initialised as torch.nn.Linear.</summary>
public sealed class Linear : Module
{
    public Linear(long inFeatures, long outFeatures, Generator? generator = null, Device? device = null)
    {
        Weight = RegisterParameter("weight", Init.DefaultWeight(Tensor.Zeros([outFeatures, inFeatures], device: device), generator));
        Bias = RegisterParameter("bias", Init.DefaultBias(Tensor.Zeros([outFeatures], device: device), inFeatures, generator));
    }

    public Tensor Weight { get; }

    public Tensor Bias { get; }

    public Tensor Forward(Tensor x) => Functional.Linear(x, Weight, Bias);
}
