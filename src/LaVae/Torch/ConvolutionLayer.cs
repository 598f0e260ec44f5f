using TorchSharp.Modules;

namespace LaVae.Torch;

/// <summary>
/// A convolution layer of LaVae's own whose forward differs from torch.nn's on CPU (see the
/// subclasses for why). Parameters are named, shaped and initialised as torch.nn's layer's, drawn
/// from the model's seeded generator, so a checkpoint and a seed mean the same with either.
/// </summary>
public abstract class ConvolutionLayer : nn.Module<Tensor, Tensor>
{
    protected ConvolutionLayer(string name, long[] weightShape, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(weightShape);
        (Kernel, Stride, Padding) = (kernel, stride, padding);
        weight = nn.Parameter(Init.DefaultWeight(zeros(weightShape, device: device), generator));
        bias = nn.Parameter(Init.DefaultBias(zeros(outChannels, device: device), Init.Fans(weightShape).FanIn, generator));
        register_parameter("weight", weight);
        register_parameter("bias", bias);
    }

    public Parameter weight { get; protected set; }

    public Parameter bias { get; protected set; }

    protected long Kernel { get; }

    protected long Stride { get; }

    protected long Padding { get; }
}
