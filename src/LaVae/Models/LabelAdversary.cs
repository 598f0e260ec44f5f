using LaVae.Torch;
using LaVae.Torch.Modules;

namespace LaVae.Models;

/// <summary>
/// CSVAE's adversary q_δ(y|z): an MLP from z to one logit per binary label, y_i ~ Bernoulli(σ(logit_i)).
/// Two hidden ReLU layers as the public PyTorch CSVAE of Lyzhov et al. (github.com/alexlyzhov/
/// latent-subspaces, decoder_z_to_y); their width there is dim z, here <see cref="Hidden"/> so the
/// adversary is not weaker than the 12-wide code it reads.
/// </summary>
public sealed class LabelAdversary : Module
{
    public const int Hidden = 64;

    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Linear fc3;

    public LabelAdversary(int zDim, int labels, Generator generator, Device device)
    {
        fc1 = RegisterModule("fc1", new Linear(zDim, Hidden, generator, device));
        fc2 = RegisterModule("fc2", new Linear(Hidden, Hidden, generator, device));
        fc3 = RegisterModule("fc3", new Linear(Hidden, labels, generator, device));
    }

    /// <summary>z: (N, zDim); returns the logits (N, labels) of q_δ(y_i = 1 | z).</summary>
    public Tensor Logits(Tensor z) => fc3.Forward(fc2.Forward(fc1.Forward(z).Relu()).Relu());
}
