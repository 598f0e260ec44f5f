using LaVae.Torch;
using TorchSharp.Modules;

namespace LaVae.Models;

/// <summary>
/// The learned linear augmentation of the latent space: z ↦ z·L (latents are row vectors), L a
/// latent×latent matrix initialised Xavier-uniform. Inversion uses the true inverse L⁻¹; the
/// authors' plotting code used L·L, assuming L involutory, which <see cref="InvertInvolutory"/> keeps.
/// </summary>
public sealed class LatentMap : nn.Module<Tensor, Tensor>, ILatentMap
{
    public LatentMap(string augmentation, int latent, Generator generator, Device device)
        : base(nameof(LatentMap))
    {
        Augmentation = augmentation;
        L = nn.Parameter(Init.XavierUniform(zeros(latent, latent, device: device), generator: generator));
        register_parameter("L", L);
    }

    public string Augmentation { get; }

    public Parameter L { get; private set; }

    public override Tensor forward(Tensor z) => z.matmul(L);

    public Tensor Apply(Tensor z) => forward(z);

    public Tensor Invert(Tensor z) => z.matmul(linalg.inv(L));

    public Tensor InvertInvolutory(Tensor z) => z.matmul(L).matmul(L);

    /// <summary>‖I − L·L‖²_F, the stage-2 penalty that pushes L towards an involution (as flips are).</summary>
    public Tensor InvolutoryPenalty()
    {
        var identity = eye(L.size(0), dtype: L.dtype, device: L.device);
        return (identity - L.matmul(L)).square().sum();
    }
}
