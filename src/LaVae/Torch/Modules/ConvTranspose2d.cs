namespace LaVae.Torch.Modules;

/// <summary>
/// 2-D transposed convolution, weight (in, out, k, k), initialised as torch.nn.ConvTranspose2d
/// (whose fan-in is taken from dim 1, i.e. out·k·k).
/// </summary>
public sealed class ConvTranspose2d : Module
{
    private readonly int stride;
    private readonly int padding;

    public ConvTranspose2d(long inChannels, long outChannels, long kernel, int stride = 1, int padding = 0, Generator? generator = null, Device? device = null)
    {
        this.stride = stride;
        this.padding = padding;
        Weight = RegisterParameter("weight", Init.DefaultWeight(Tensor.Zeros([inChannels, outChannels, kernel, kernel], device: device), generator));
        Bias = RegisterParameter("bias", Init.DefaultBias(Tensor.Zeros([outChannels], device: device), outChannels * kernel * kernel, generator));
    }

    public Tensor Weight { get; }

    public Tensor Bias { get; }

    public Tensor Forward(Tensor x) => Functional.ConvTranspose2d(x, Weight, Bias, stride, padding);
}
