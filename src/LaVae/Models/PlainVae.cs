using LaVae.Torch;

namespace LaVae.Models;

/// <summary>A plain VAE (the same encoder and decoder, no maps): the reference point for Orig.</summary>
public sealed class PlainVae : nn.Module
{
    public PlainVae(ModelShape shape, Generator generator, Device device)
        : base(nameof(PlainVae))
    {
        Encoder = new ConvEncoder(shape, conditionSize: 0, generator, device);
        Decoder = new ConvDecoder(shape, conditionSize: 0, generator, device);
        register_module("encoder", Encoder);
        register_module("decoder", Decoder);
    }

    public ConvEncoder Encoder { get; }

    public ConvDecoder Decoder { get; }
}
