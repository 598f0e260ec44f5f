using LaVae.Torch;
using TorchSharp.Modules;

namespace LaVae.Models;

/// <summary>A learned map of the latent space standing for one image augmentation.</summary>
public interface ILatentMap
{
    string Augmentation { get; }

    Tensor Apply(Tensor z);

    IEnumerable<Parameter> parameters(bool recurse = true);

    /// <summary>A regulariser added to the stage-2 loss (zero for maps without one).</summary>
    Tensor InvolutoryPenalty();
}
