namespace LaVae.Torch.Modules;

/// <summary>2-D convolution, weight (out, in, k, k), initialised as torch.nn.Conv2d.</summary>
public sealed class Conv2d : Module
{
    private readonly int stride;
    private readonly int padding;

    public Conv2d(long inChannels, long outChannels, long kernel, int stride = 1, int padding = 0, Generator? generator = null, Device? device = null)
    {
        this.stride = stride;
        this.padding = padding;
        Weight = RegisterParameter("weight", Init.DefaultWeight(Tensor.Zeros([outChannels, inChannels, kernel, kernel], device: device), generator));
        Bias = RegisterParameter("bias", Init.DefaultBias(Tensor.Zeros([outChannels], device: device), inChannels * kernel * kernel, generator));
    }

    public Tensor Weight { get; }

    public Tensor Bias { get; }

    public Tensor Forward(Tensor x) => Functional.Conv2d(x, Weight, Bias, stride, padding);
}
