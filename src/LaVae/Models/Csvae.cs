using LaVae.Torch;
using TorchSharp.Modules;

namespace LaVae.Models;

/// <summary>
/// CSVAE (Klys, Snell, Zemel, "Learning Latent Subspaces in Variational Autoencoders", NeurIPS 2018):
/// the latent is split into z, which an adversary q_δ(y|z) is kept from reading the labels out of, and
/// w = (w_1, w_2), one low-dimensional subspace per binary label with the label-conditioned prior
/// p(w_i|y_i). Here the labels are y = (A1 applied, A2 applied): orig (0,0), A1 (1,0), A2 (0,1),
/// compose (1,1). A latent augmentation keeps z and moves w to the target label's prior mean.
///
/// Networks, on the paper's conv encoder/decoder (Appendix C of the LAVAE paper):
///   q(z|x)    the conv encoder with a <see cref="ZDim"/>-wide latent;
///   q(w|x,y)  two linear heads (μ, log σ²) on the same conv features with y appended, as the CVAE
///             appends its class; sharing the convolutions keeps a step as cheap as a CVAE's;
///   p(x|z,w)  the conv decoder on [z, w] (width <c>latent</c>, as every other model's decoder);
///   q_δ(y|z)  <see cref="LabelAdversary"/>.
/// Widths: w_i is 2-dimensional, as the subspaces the CSVAE paper plots and the public PyTorch
/// re-implementation qq456cvb/CSVAE uses (w of 2), so w has 4 and
/// z = latent − 4 = 12: the decoder reads 16 numbers, like LAVAE's and the CVAEs', and the models
/// compare at the same latent size.
/// </summary>
public sealed class Csvae : nn.Module
{
    public const int LabelCount = 2;

    public const int SubspaceWidth = 2;

    public const int WDim = LabelCount * SubspaceWidth;

    /// <summary>
    /// p(w_i | y_i = 0) = N(0, 0.1² I): a label that is off pins its subspace near the origin, so
    /// w carries nothing when no augmentation is applied; p(w_i | y_i = 1) = N(3·1, 1² I): an applied
    /// augmentation lives away from it. Where each constant comes from: the off prior (mean 0,
    /// variance 0.01) is the one the public TensorFlow CSVAE of Singla et al. ("Explanation by
    /// Progressive Exaggeration", train_csvae.py) uses; the on prior's mean 3 and σ 1 are the CSVAE
    /// paper's values as we recall its Section 4 (the paper's text was not at hand to check; that
    /// code makes them configurable, mu_cluster and var_cluster). Any on-mean well outside the off
    /// prior's 0.1 spread separates the two; 3 against 0.1 is 30 standard deviations.
    /// </summary>
    public const double OffMean = 0.0;

    public const double OffStd = 0.1;

    public const double OnMean = 3.0;

    public const double OnStd = 1.0;

    private readonly Linear wMu;
    private readonly Linear wLogVar;

    public Csvae(ModelShape shape, Generator generator, Device device)
        : base(nameof(Csvae))
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Latent <= WDim)
        {
            throw new ArgumentException($"CSVAE needs a latent wider than its {WDim} label dimensions (got {shape.Latent})", nameof(shape));
        }

        Device = device;
        ZDim = shape.Latent - WDim;
        ZEncoder = new ConvEncoder(shape with { Latent = ZDim }, conditionSize: 0, generator, device);
        wMu = Layers.Linear(shape.FlatFeatures + LabelCount, WDim, generator, device);
        wLogVar = Layers.Linear(shape.FlatFeatures + LabelCount, WDim, generator, device);
        Decoder = new ConvDecoder(shape, conditionSize: 0, generator, device);
        Adversary = new LabelAdversary(ZDim, LabelCount, generator, device);
        register_module("encoder_z", ZEncoder);
        register_module("encoder_w_mu", wMu);
        register_module("encoder_w_logvar", wLogVar);
        register_module("decoder", Decoder);
        register_module("adversary", Adversary);
    }

    public Device Device { get; }

    public int ZDim { get; }

    public ConvEncoder ZEncoder { get; }

    public ConvDecoder Decoder { get; }

    public LabelAdversary Adversary { get; }

    /// <summary>The parameters of M1's networks (encoders, decoder): everything but the adversary.</summary>
    public IReadOnlyList<Tensor> VaeParameters() =>
        [.. ZEncoder.parameters(), .. wMu.parameters(), .. wLogVar.parameters(), .. Decoder.parameters()];

    /// <summary>q(z|x) and q(w|x,y) from one pass through the convolutions; y: (N, 2) of 0/1.</summary>
    public CsvaePosterior Encode(Tensor x, Tensor y)
    {
        var features = ZEncoder.Features(x);
        var (zMu, zLogVar) = ZEncoder.Heads(features);
        var withLabels = cat([features, y], dim: 1);
        return new CsvaePosterior(zMu, zLogVar, wMu.forward(withLabels), wLogVar.forward(withLabels));
    }

    /// <summary>p(x|z,w): pixel probabilities (N, 1, 28, 28).</summary>
    public Tensor Decode(Tensor z, Tensor w) => Decoder.forward(cat([z, w], dim: 1));

    /// <summary>The labels of per-sample augmentation classes (int64, 0..3): (N, 2) float.</summary>
    public Tensor Labels(Tensor classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        using var table = LabelTable();
        return table.index_select(0, classes);
    }

    /// <summary>The same labels for all <paramref name="count"/> samples.</summary>
    public Tensor Labels(AugClass augClass, long count)
    {
        using var table = LabelTable();
        return table.narrow(0, (int)augClass, 1).expand(count, LabelCount).contiguous();
    }

    /// <summary>The mean of p(w|y): each label's value spread over its subspace, (N, 4).</summary>
    public Tensor PriorMean(Tensor y) => OffMean + ((OnMean - OffMean) * SpreadOverSubspaces(y));

    /// <summary>log σ² of p(w|y), (N, 4).</summary>
    public Tensor PriorLogVar(Tensor y)
    {
        var off = Math.Log(OffStd * OffStd);
        return off + ((Math.Log(OnStd * OnStd) - off) * SpreadOverSubspaces(y));
    }

    /// <summary>(N, 2) → (N, 4): y_i repeated over the SubspaceWidth columns of w_i.</summary>
    private Tensor SpreadOverSubspaces(Tensor y)
    {
        var spread = new float[LabelCount * WDim];
        for (var label = 0; label < LabelCount; label++)
        {
            for (var j = 0; j < SubspaceWidth; j++)
            {
                spread[(label * WDim) + (label * SubspaceWidth) + j] = 1;
            }
        }

        using var matrix = tensor(spread, new long[] { LabelCount, WDim }).to(Device);
        return y.matmul(matrix);
    }

    /// <summary>Rows in <see cref="AugClass"/> order: orig (0,0), A1 (1,0), A2 (0,1), compose (1,1).</summary>
    private Tensor LabelTable() => tensor(new float[] { 0, 0, 1, 0, 0, 1, 1, 1 }, new long[] { 4, LabelCount }).to(Device);
}

/// <summary>q(z|x) = N(ZMu, exp ZLogVar) and q(w|x,y) = N(WMu, exp WLogVar), all diagonal.</summary>
public sealed record CsvaePosterior(Tensor ZMu, Tensor ZLogVar, Tensor WMu, Tensor WLogVar);
