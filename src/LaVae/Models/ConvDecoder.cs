using LaVae.Torch;
using LaVae.Torch.Modules;

namespace LaVae.Models;

/// <summary>
/// p(x|z) of paper Appendix C: Linear(latent → 2F·7·7) with no activation, reshape (2F, 7, 7),
/// ConvT(2F→F, k4 s2 p1) ReLU, ConvT(F→1, k4 s2 p1) Sigmoid. A CVAE appends its one-hot condition
/// to z first (conditionSize > 0). LAVAE's transfer decoders are more of these heads.
/// </summary>
public sealed class ConvDecoder : Module
{
    private readonly ModelShape shape;
    private readonly Linear fc;
    private readonly ConvTranspose2d deconv1;
    private readonly ConvTranspose2d deconv2;

    public ConvDecoder(ModelShape shape, int conditionSize, Generator generator, Device device)
    {
        ArgumentNullException.ThrowIfNull(shape);
        this.shape = shape;
        fc = RegisterModule("fc", new Linear(shape.Latent + conditionSize, shape.FlatFeatures, generator, device));
        deconv1 = RegisterModule("deconv1", new ConvTranspose2d(2 * shape.Filters, shape.Filters, 4, stride: 2, padding: 1, generator, device));
        deconv2 = RegisterModule("deconv2", new ConvTranspose2d(shape.Filters, 1, 4, stride: 2, padding: 1, generator, device));
    }

    /// <summary>z: (N, latent); returns pixel probabilities (N, 1, 28, 28).</summary>
    public Tensor Forward(Tensor z, Tensor? condition = null)
    {
        if (condition is not null)
        {
            z = Tensor.Cat([z, condition], dim: 1);
        }

        var h = fc.Forward(z).View(-1, 2 * shape.Filters, 7, 7);
        return deconv2.Forward(deconv1.Forward(h).Relu()).Sigmoid();
    }
}
