using LaVae.Torch;
using LaVae.Torch.Modules;

namespace LaVae.Models;

/// <summary>A plain VAE (the same encoder and decoder, no maps): the reference point for Orig.</summary>
public sealed class PlainVae : Module
{
    public PlainVae(ModelShape shape, Generator generator, Device device)
    {
        Encoder = RegisterModule("encoder", new ConvEncoder(shape, conditionSize: 0, generator, device));
        Decoder = RegisterModule("decoder", new ConvDecoder(shape, conditionSize: 0, generator, device));
    }

    public ConvEncoder Encoder { get; }

    public ConvDecoder Decoder { get; }
}
