using LaVae.Torch;
using LaVae.Torch.Modules;

namespace LaVae.Models;

/// <summary>
/// The Conditional VAE baseline: the one-hot augmentation class (orig, A1, A2, compose) is appended
/// to the flattened conv features before the encoder's heads and to z before the decoder.
/// </summary>
public sealed class Cvae : Module
{
    public const int Classes = 4;

    public Cvae(ModelShape shape, Generator generator, Device device)
    {
        Device = device;
        Encoder = RegisterModule("encoder", new ConvEncoder(shape, Classes, generator, device));
        Decoder = RegisterModule("decoder", new ConvDecoder(shape, Classes, generator, device));
    }

    public Device Device { get; }

    public ConvEncoder Encoder { get; }

    public ConvDecoder Decoder { get; }

    public (Tensor Mu, Tensor LogVar) Encode(Tensor x, Tensor condition) => Encoder.Forward(x, condition);

    public Tensor Decode(Tensor z, Tensor condition) => Decoder.Forward(z, condition);

    /// <summary>One-hot rows for per-sample classes (int64, values 0..3).</summary>
    public Tensor OneHot(Tensor classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return Tensor.Eye(Classes, device: Device).IndexSelect(0, classes);
    }

    /// <summary>The same one-hot row for all <paramref name="count"/> samples.</summary>
    public Tensor OneHot(AugClass augClass, long count) =>
        Tensor.Eye(Classes, device: Device).Narrow(0, (int)augClass, 1).Expand(count, Classes);
}
