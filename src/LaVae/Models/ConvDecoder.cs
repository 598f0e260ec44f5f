using LaVae.Torch;
using TorchSharp.Modules;

namespace LaVae.Models;

/// <summary>
/// p(x|z) of paper Appendix C: Linear(latent → 2F·7·7) with no activation, reshape (2F, 7, 7),
/// ConvT(2F→F, k4 s2 p1) ReLU, ConvT(F→1, k4 s2 p1) Sigmoid. A CVAE appends its one-hot condition
/// to z first (conditionSize > 0). LAVAE's transfer decoders are more of these heads.
/// </summary>
public sealed class ConvDecoder : nn.Module<Tensor, Tensor>
{
    private readonly ModelShape shape;
    private readonly Linear fc;
    private readonly SeparateBiasConvTranspose2d deconv1;
    private readonly ColumnConvTranspose2d deconv2;

    public ConvDecoder(ModelShape shape, int conditionSize, Generator generator, Device device)
        : base(nameof(ConvDecoder))
    {
        ArgumentNullException.ThrowIfNull(shape);
        this.shape = shape;
        fc = Layers.Linear(shape.Latent + conditionSize, shape.FlatFeatures, generator, device);
        deconv1 = new SeparateBiasConvTranspose2d(2 * shape.Filters, shape.Filters, 4, stride: 2, padding: 1, generator, device);
        deconv2 = new ColumnConvTranspose2d(shape.Filters, 1, 4, stride: 2, padding: 1, generator, device);
        register_module("fc", fc);
        register_module("deconv1", deconv1);
        register_module("deconv2", deconv2);
    }

    /// <summary>z: (N, latent); returns pixel probabilities (N, 1, 28, 28).</summary>
    public override Tensor forward(Tensor z) => forward(z, null);

    /// <summary>As <see cref="forward(Tensor)"/> with the CVAE's one-hot condition appended to z.</summary>
    public Tensor forward(Tensor z, Tensor? condition)
    {
        if (condition is not null)
        {
            z = cat([z, condition], dim: 1);
        }

        var h = fc.forward(z).view(-1, 2 * shape.Filters, 7, 7);
        return deconv2.forward(deconv1.forward(h).relu()).sigmoid();
    }
}
