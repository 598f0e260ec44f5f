using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// Table I's columns for each model kind (z0 = the encoder mean of x0):
/// orig: decode(z0) vs x0; aug1/aug2: decode(z0·L_k) vs A_k(x0); compose: decode(z0·L1·L2) vs
/// A2(A1(x0)); reverse_compose: decode(z0·L2·L1) vs A2(A1(x0)); inverse_aug_k: decode(μ(A_k(x0))·L_k⁻¹)
/// vs x0; inverse_compose: decode(μ(A2(A1(x0)))·L2⁻¹·L1⁻¹) vs x0; involutory_inverse_aug_k: the same with
/// the authors' shortcut L_k·L_k for L_k⁻¹, for comparison. A LAVAE with non-linear (MLP) maps has no
/// inverse columns.
/// </summary>
public static class TableOneColumns
{
    public static IReadOnlyList<ErrorColumn> ForLavae(Lavae model, int head = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        Tensor Z0(AlignedSets s, Tensor i) => model.Encode(s.Batch(AugClass.Orig, i)).Mu;
        Tensor Mu(AlignedSets s, AugClass c, Tensor i) => model.Encode(s.Batch(c, i)).Mu;
        ErrorColumn[] forward =
        [
            new("orig", AugClass.Orig, (s, i) => model.Decode(Z0(s, i), head)),
            new("aug1", AugClass.Aug1, (s, i) => model.Decode(model.Augment(Z0(s, i), 0), head)),
            new("aug2", AugClass.Aug2, (s, i) => model.Decode(model.Augment(Z0(s, i), 1), head)),
            new("compose", AugClass.Compose, (s, i) => model.Decode(model.Compose(Z0(s, i)), head)),
            new("reverse_compose", AugClass.Compose, (s, i) => model.Decode(model.ReverseCompose(Z0(s, i)), head)),
        ];
        if (!model.Maps.All(map => map is LatentMap))
        {
            // The MLP ablation's maps have no inverse (paper section 5), so there is nothing to measure there.
            return forward;
        }

        return
        [
            .. forward,
            new("inverse_aug1", AugClass.Orig, (s, i) => model.Decode(model.Invert(Mu(s, AugClass.Aug1, i), 0), head)),
            new("inverse_aug2", AugClass.Orig, (s, i) => model.Decode(model.Invert(Mu(s, AugClass.Aug2, i), 1), head)),
            new("inverse_compose", AugClass.Orig, (s, i) => model.Decode(model.InvertCompose(Mu(s, AugClass.Compose, i)), head)),
            new("involutory_inverse_aug1", AugClass.Orig, (s, i) => model.Decode(model.InvertInvolutory(Mu(s, AugClass.Aug1, i), 0), head)),
            new("involutory_inverse_aug2", AugClass.Orig, (s, i) => model.Decode(model.InvertInvolutory(Mu(s, AugClass.Aug2, i), 1), head)),
        ];
    }

    /// <summary>
    /// The CVAE with its class swapped: encode x0 with class orig, decode with class k. Inverses
    /// encode A_k(x0) with class k and decode with class orig.
    /// </summary>
    public static IReadOnlyList<ErrorColumn> ForCvae(Cvae model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Tensor Decode(AlignedSets s, Tensor i, AugClass from, AugClass to)
        {
            var x = s.Batch(from, i);
            var z = model.Encode(x, model.OneHot(from, i.Size(0))).Mu;
            return model.Decode(z, model.OneHot(to, i.Size(0)));
        }

        return
        [
            new("orig", AugClass.Orig, (s, i) => Decode(s, i, AugClass.Orig, AugClass.Orig)),
            new("aug1", AugClass.Aug1, (s, i) => Decode(s, i, AugClass.Orig, AugClass.Aug1)),
            new("aug2", AugClass.Aug2, (s, i) => Decode(s, i, AugClass.Orig, AugClass.Aug2)),
            new("compose", AugClass.Compose, (s, i) => Decode(s, i, AugClass.Orig, AugClass.Compose)),
            new("inverse_aug1", AugClass.Orig, (s, i) => Decode(s, i, AugClass.Aug1, AugClass.Orig)),
            new("inverse_aug2", AugClass.Orig, (s, i) => Decode(s, i, AugClass.Aug2, AugClass.Orig)),
            new("inverse_compose", AugClass.Orig, (s, i) => Decode(s, i, AugClass.Compose, AugClass.Orig)),
        ];
    }

    /// <summary>A plain VAE only reconstructs: orig.</summary>
    public static IReadOnlyList<ErrorColumn> ForPlainVae(PlainVae model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [new("orig", AugClass.Orig, (s, i) => model.Decoder.Forward(model.Encoder.Forward(s.Batch(AugClass.Orig, i)).Mu))];
    }
}
