using LaVae.Torch;
using TorchSharp.Modules;

namespace LaVae.Models;

/// <summary>
/// CSVAE's adversary q_δ(y|z): an MLP from z to one logit per binary label, y_i ~ Bernoulli(σ(logit_i)).
/// Two hidden ReLU layers as the public PyTorch CSVAE of Lyzhov et al. (github.com/alexlyzhov/
/// latent-subspaces, decoder_z_to_y); their width there is dim z, here <see cref="Hidden"/> so the
/// adversary is not weaker than the 12-wide code it reads.
/// </summary>
public sealed class LabelAdversary : nn.Module<Tensor, Tensor>
{
    public const int Hidden = 64;

    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Linear fc3;

    public LabelAdversary(int zDim, int labels, Generator generator, Device device)
        : base(nameof(LabelAdversary))
    {
        fc1 = Layers.Linear(zDim, Hidden, generator, device);
        fc2 = Layers.Linear(Hidden, Hidden, generator, device);
        fc3 = Layers.Linear(Hidden, labels, generator, device);
        register_module("fc1", fc1);
        register_module("fc2", fc2);
        register_module("fc3", fc3);
    }

    /// <summary>z: (N, zDim); returns the logits (N, labels) of q_δ(y_i = 1 | z).</summary>
    public override Tensor forward(Tensor z) => fc3.forward(fc2.forward(fc1.forward(z).relu()).relu());

    public Tensor Logits(Tensor z) => forward(z);
}
