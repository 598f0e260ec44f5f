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
    /// <summary>Every column a model can report, with total (orig + aug1 + aug2 + compose).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "orig", "aug1", "aug2", "compose", "total", "reverse_compose", "inverse_aug1", "inverse_aug2", "inverse_compose",
        "involutory_inverse_aug1", "involutory_inverse_aug2",
    ];

    /// <summary>The columns of a LAVAE whose maps have no inverse (the MLP ablation): no inverse columns.</summary>
    public static readonly IReadOnlyList<string> ForwardNames = ["orig", "aug1", "aug2", "compose", "total", "reverse_compose"];

    public static IReadOnlyList<ErrorColumn> ForLavae(Lavae model, int head = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        Tensor Mu(EvaluationBatch b, AugClass c) => b.Memo($"mu/{c}", () => model.Encode(b.Input(c)).Mu);
        Tensor Z0(EvaluationBatch b) => Mu(b, AugClass.Orig);
        ErrorColumn[] forward =
        [
            new("orig", AugClass.Orig, b => model.Decode(Z0(b), head)),
            new("aug1", AugClass.Aug1, b => model.Decode(model.Augment(Z0(b), 0), head)),
            new("aug2", AugClass.Aug2, b => model.Decode(model.Augment(Z0(b), 1), head)),
            new("compose", AugClass.Compose, b => model.Decode(model.Compose(Z0(b)), head)),
            new("reverse_compose", AugClass.Compose, b => model.Decode(model.ReverseCompose(Z0(b)), head)),
        ];
        if (!model.Maps.All(map => map is LatentMap))
        {
            // The MLP ablation's maps have no inverse (paper section 5), so there is nothing to measure there.
            return forward;
        }

        return
        [
            .. forward,
            new("inverse_aug1", AugClass.Orig, b => model.Decode(model.Invert(Mu(b, AugClass.Aug1), 0), head)),
            new("inverse_aug2", AugClass.Orig, b => model.Decode(model.Invert(Mu(b, AugClass.Aug2), 1), head)),
            new("inverse_compose", AugClass.Orig, b => model.Decode(model.InvertCompose(Mu(b, AugClass.Compose)), head)),
            new("involutory_inverse_aug1", AugClass.Orig, b => model.Decode(model.InvertInvolutory(Mu(b, AugClass.Aug1), 0), head)),
            new("involutory_inverse_aug2", AugClass.Orig, b => model.Decode(model.InvertInvolutory(Mu(b, AugClass.Aug2), 1), head)),
        ];
    }

    /// <summary>
    /// A transfer head for a target pair (A3, A4) over a latent space of (A1, A2), scored as in stage 3
    /// (equation 7): orig decode(z0) vs x0; aug1 decode(z0·L1) vs A3(x0); aug2 decode(z0·L2) vs A4(x0);
    /// compose decode(z0·L1·L2) vs A4(A3(x0)); the sets are the target pair's.
    /// </summary>
    public static IReadOnlyList<ErrorColumn> ForTransferHead(Lavae space, ConvDecoder head)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(head);
        Tensor Z0(EvaluationBatch b) => b.Memo("z0", () => space.Encode(b.Input(AugClass.Orig)).Mu);
        return
        [
            new("orig", AugClass.Orig, b => head.forward(Z0(b))),
            new("aug1", AugClass.Aug1, b => head.forward(space.Augment(Z0(b), 0))),
            new("aug2", AugClass.Aug2, b => head.forward(space.Augment(Z0(b), 1))),
            new("compose", AugClass.Compose, b => head.forward(space.Compose(Z0(b)))),
        ];
    }

    /// <summary>
    /// The CVAE with its class swapped: encode x0 with class orig, decode with class k. Inverses
    /// encode A_k(x0) with class k and decode with class orig.
    /// </summary>
    public static IReadOnlyList<ErrorColumn> ForCvae(Cvae model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Tensor Decode(EvaluationBatch b, AugClass from, AugClass to)
        {
            var count = b.Indices.size(0);
            var z = b.Memo($"mu/{from}", () => model.Encode(b.Input(from), model.OneHot(from, count)).Mu);
            return model.Decode(z, model.OneHot(to, count));
        }

        return
        [
            new("orig", AugClass.Orig, b => Decode(b, AugClass.Orig, AugClass.Orig)),
            new("aug1", AugClass.Aug1, b => Decode(b, AugClass.Orig, AugClass.Aug1)),
            new("aug2", AugClass.Aug2, b => Decode(b, AugClass.Orig, AugClass.Aug2)),
            new("compose", AugClass.Compose, b => Decode(b, AugClass.Orig, AugClass.Compose)),
            new("inverse_aug1", AugClass.Orig, b => Decode(b, AugClass.Aug1, AugClass.Orig)),
            new("inverse_aug2", AugClass.Orig, b => Decode(b, AugClass.Aug2, AugClass.Orig)),
            new("inverse_compose", AugClass.Orig, b => Decode(b, AugClass.Compose, AugClass.Orig)),
        ];
    }

    /// <summary>
    /// CSVAE: z0 = μ_z(x0) is kept and w is set to the mean of the target's prior p(w|y) (the latent
    /// augmentation: changing the label moves w alone). orig is the reconstruction, decode(z0, μ_w(x0,
    /// (0,0))); aug1, aug2, compose decode z0 with w = prior mean of (1,0), (0,1), (1,1). Inverses
    /// encode A_k(x0) to z and decode with the prior mean of (0,0). The labels are a set, with no
    /// order, so there is no reverse composition.
    /// </summary>
    public static IReadOnlyList<ErrorColumn> ForCsvae(Csvae model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Tensor Z(EvaluationBatch b, AugClass from) => b.Memo($"mu_z/{from}", () => model.ZEncoder.forward(b.Input(from)).Mu);
        Tensor Transfer(EvaluationBatch b, AugClass from, AugClass to)
        {
            var z = Z(b, from);
            return model.Decode(z, model.PriorMean(model.Labels(to, z.size(0))));
        }

        Tensor Reconstruct(EvaluationBatch b)
        {
            var x0 = b.Input(AugClass.Orig);
            return model.Decode(Z(b, AugClass.Orig), model.Encode(x0, model.Labels(AugClass.Orig, x0.size(0))).WMu);
        }

        return
        [
            new("orig", AugClass.Orig, Reconstruct),
            new("aug1", AugClass.Aug1, b => Transfer(b, AugClass.Orig, AugClass.Aug1)),
            new("aug2", AugClass.Aug2, b => Transfer(b, AugClass.Orig, AugClass.Aug2)),
            new("compose", AugClass.Compose, b => Transfer(b, AugClass.Orig, AugClass.Compose)),
            new("inverse_aug1", AugClass.Orig, b => Transfer(b, AugClass.Aug1, AugClass.Orig)),
            new("inverse_aug2", AugClass.Orig, b => Transfer(b, AugClass.Aug2, AugClass.Orig)),
            new("inverse_compose", AugClass.Orig, b => Transfer(b, AugClass.Compose, AugClass.Orig)),
        ];
    }

    /// <summary>A plain VAE only reconstructs: orig.</summary>
    public static IReadOnlyList<ErrorColumn> ForPlainVae(PlainVae model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [new("orig", AugClass.Orig, b => model.Decoder.forward(model.Encoder.forward(b.Input(AugClass.Orig)).Mu))];
    }
}
