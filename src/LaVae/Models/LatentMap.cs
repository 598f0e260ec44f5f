using LaVae.Torch;
using LaVae.Torch.Modules;

namespace LaVae.Models;

/// <summary>
/// The learned linear augmentation of the latent space: z ↦ z·L (latents are row vectors), L a
/// latent×latent matrix initialised Xavier-uniform. Inversion uses the true inverse L⁻¹; the
/// authors' plotting code used L·L, assuming L involutory, which <see cref="InvertInvolutory"/> keeps.
/// </summary>
public sealed class LatentMap : Module, ILatentMap
{
    public LatentMap(string augmentation, int latent, Generator generator, Device device)
    {
        Augmentation = augmentation;
        L = RegisterParameter("L", Init.XavierUniform(Tensor.Zeros([latent, latent], device: device), generator: generator));
    }

    public string Augmentation { get; }

    public Tensor L { get; }

    public Tensor Apply(Tensor z) => z.MatMul(L);

    public Tensor Invert(Tensor z) => z.MatMul(Linalg.Inverse(L));

    public Tensor InvertInvolutory(Tensor z) => z.MatMul(L).MatMul(L);

    /// <summary>‖I − L·L‖²_F, the stage-2 penalty that pushes L towards an involution (as flips are).</summary>
    public Tensor InvolutoryPenalty()
    {
        var identity = Tensor.Eye(L.Size(0), L.DType, L.Device);
        return (identity - L.MatMul(L)).Square().Sum();
    }
}
