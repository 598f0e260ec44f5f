using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// The reference the inverse columns of <see cref="TableOneColumns"/> are judged against: the
/// augmented digit encoded and decoded with no map at all, decode(μ(A_k(x0))) and
/// decode(μ(A2(A1(x0)))), scored against x0. An inverse that does anything beats it; an inverse of a
/// map that learned nothing does not.
/// </summary>
public static class InversionColumns
{
    public static IReadOnlyList<ErrorColumn> Uninverted(Lavae model, int head = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        Tensor Reconstruct(EvaluationBatch b, AugClass c) => model.Decode(model.Encode(b.Input(c)).Mu, head);
        return
        [
            new("uninverted_aug1", AugClass.Orig, b => Reconstruct(b, AugClass.Aug1)),
            new("uninverted_aug2", AugClass.Orig, b => Reconstruct(b, AugClass.Aug2)),
            new("uninverted_compose", AugClass.Orig, b => Reconstruct(b, AugClass.Compose)),
        ];
    }

    /// <summary>‖L·L − I‖_F: how far a learned map is from an involution (zero for an exact one, 4 for L = 0 at latent 16).</summary>
    public static Tensor InvolutionResidual(Tensor l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return (l.matmul(l) - eye(l.size(0), dtype: l.dtype, device: l.device)).square().sum().sqrt();
    }

    /// <summary>The 2-norm condition number σ_max/σ_min of L: how much L⁻¹ can amplify an error in μ(A_k(x0)).</summary>
    public static Tensor Condition(Tensor l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var (_, s, _) = linalg.svd(l, fullMatrices: false);
        return s.max() / s.min();
    }
}
