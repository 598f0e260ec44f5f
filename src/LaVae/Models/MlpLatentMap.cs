using LaVae.Torch;
using LaVae.Torch.Modules;

namespace LaVae.Models;

/// <summary>
/// The paper's non-linear ablation: an MLP latent→8→8→latent with ReLUs. Slightly better fits,
/// but neither composable as a matrix product nor invertible, which is why LAVAE uses L.
/// </summary>
public sealed class MlpLatentMap : Module, ILatentMap
{
    private readonly Linear input;
    private readonly Linear hidden;
    private readonly Linear output;

    public MlpLatentMap(string augmentation, int latent, Generator generator, Device device)
    {
        Augmentation = augmentation;
        input = RegisterModule("fc1", new Linear(latent, 8, generator, device));
        hidden = RegisterModule("fc2", new Linear(8, 8, generator, device));
        output = RegisterModule("fc3", new Linear(8, latent, generator, device));
    }

    public string Augmentation { get; }

    public Tensor Apply(Tensor z) => output.Forward(hidden.Forward(input.Forward(z).Relu()).Relu());

    public Tensor InvolutoryPenalty() => Tensor.Zeros([], device: output.Weight.Device);
}
