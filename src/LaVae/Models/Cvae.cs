using LaVae.Torch;

namespace LaVae.Models;

/// <summary>
/// The Conditional VAE baseline: the one-hot augmentation class (orig, A1, A2, compose) is appended
/// to the flattened conv features before the encoder's heads and to z before the decoder.
/// </summary>
public sealed class Cvae : nn.Module
{
    public const int Classes = 4;

    public Cvae(ModelShape shape, Generator generator, Device device)
        : base(nameof(Cvae))
    {
        Device = device;
        Encoder = new ConvEncoder(shape, Classes, generator, device);
        Decoder = new ConvDecoder(shape, Classes, generator, device);
        register_module("encoder", Encoder);
        register_module("decoder", Decoder);
    }

    public Device Device { get; }

    public ConvEncoder Encoder { get; }

    public ConvDecoder Decoder { get; }

    public (Tensor Mu, Tensor LogVar) Encode(Tensor x, Tensor condition) => Encoder.forward(x, condition);

    public Tensor Decode(Tensor z, Tensor condition) => Decoder.forward(z, condition);

    /// <summary>One-hot rows for per-sample classes (int64, values 0..3).</summary>
    public Tensor OneHot(Tensor classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        using var identity = eye(Classes, device: Device);
        return identity.index_select(0, classes);
    }

    /// <summary>The same one-hot row for all <paramref name="count"/> samples.</summary>
    public Tensor OneHot(AugClass augClass, long count) =>
        eye(Classes, device: Device).narrow(0, (int)augClass, 1).expand(count, Classes).contiguous();
}
