using LaVae.Torch;
using TorchSharp.Modules;
using TorchSharp.Utils;

namespace LaVae.Models;

/// <summary>
/// The paper's non-linear ablation: an MLP latent→8→8→latent with ReLUs. Slightly better fits,
/// but neither composable as a matrix product nor invertible, which is why LAVAE uses L.
/// </summary>
public sealed class MlpLatentMap : nn.Module<Tensor, Tensor>, ILatentMap
{
    // Each field is named as it is registered: TorchSharp also lists a submodule's fields under their
    // C# names, so without the attribute a checkpoint would hold these tensors twice.
    [ComponentName(Name = "fc1")]
    private readonly Linear input;
    [ComponentName(Name = "fc2")]
    private readonly Linear hidden;
    [ComponentName(Name = "fc3")]
    private readonly Linear output;

    public MlpLatentMap(string augmentation, int latent, Generator generator, Device device)
        : base(nameof(MlpLatentMap))
    {
        Augmentation = augmentation;
        input = Layers.Linear(latent, 8, generator, device);
        hidden = Layers.Linear(8, 8, generator, device);
        output = Layers.Linear(8, latent, generator, device);
        register_module("fc1", input);
        register_module("fc2", hidden);
        register_module("fc3", output);
    }

    public string Augmentation { get; }

    public override Tensor forward(Tensor z) => output.forward(hidden.forward(input.forward(z).relu()).relu());

    public Tensor Apply(Tensor z) => forward(z);

    public Tensor InvolutoryPenalty() => zeros(Array.Empty<long>(), device: output.weight!.device);
}
