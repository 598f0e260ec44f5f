namespace LaVae.Torch;

/// <summary>Weight initialisers with PyTorch's formulas (torch.nn.init).</summary>
public static class Init
{
    /// <summary>
    /// PyTorch's fan-in of a weight: size(1) times the receptive field. For ConvTranspose2d weights
    /// (in, out, k, k) that is out·k·k, which is what PyTorch uses, so LaVae does too.
    /// </summary>
    public static (long FanIn, long FanOut) Fans(long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length < 2)
        {
            throw new ArgumentException("fan in and fan out need at least two dimensions", nameof(shape));
        }

        var receptive = shape.Skip(2).Aggregate(1L, (n, d) => n * d);
        return (shape[1] * receptive, shape[0] * receptive);
    }

    /// <summary>kaiming_uniform_(a=√5), torch.nn's default for Linear and Conv weights: U(±1/√fan_in).</summary>
    public static Tensor DefaultWeight(Tensor weight, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var a = Math.Sqrt(5);
        var gain = Math.Sqrt(2.0 / (1 + (a * a)));
        var bound = gain * Math.Sqrt(3.0 / Fans(weight.shape).FanIn);
        return Uniform(weight, bound, generator);
    }

    /// <summary>torch.nn's default bias: U(±1/√fan_in) with the weight's fan-in.</summary>
    public static Tensor DefaultBias(Tensor bias, long fanIn, Generator? generator = null) =>
        Uniform(bias, fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0, generator);

    /// <summary>xavier_uniform_: U(±gain·√(6/(fan_in+fan_out))).</summary>
    public static Tensor XavierUniform(Tensor weight, double gain = 1, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var (fanIn, fanOut) = Fans(weight.shape);
        return Uniform(weight, gain * Math.Sqrt(6.0 / (fanIn + fanOut)), generator);
    }

    // Tensor.uniform_, not nn.init.uniform_: TorchSharp 0.107's nn.init.uniform_ accepts a generator
    // but ignores it and draws from the global one.
    private static Tensor Uniform(Tensor tensor, double bound, Generator? generator)
    {
        using var noGrad = no_grad();
        return tensor.uniform_(-bound, bound, generator);
    }
}
