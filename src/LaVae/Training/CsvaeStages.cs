using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>CSVAE's one training stage (see <see cref="CsvaeObjective"/> for the equations).</summary>
public static class CsvaeStages
{
    /// <summary>
    /// One batch of the union of the four aligned sets (example i is image i mod N of set i div N, its
    /// labels those of set i div N): the M1 loss, with z ~ q(z|x) and w ~ q(w|x,y) drawn by the
    /// reparameterisation trick (z first, then w, from <paramref name="generator"/>), and the
    /// adversary's loss −β5·log q_δ(y|z) on the same z, detached, so that the adversary's step, taken
    /// after the model's, moves only the adversary.
    /// </summary>
    public static AdversarialLosses Objective(Csvae model, Tensor union, long setSize, Tensor indices, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(union);
        ArgumentNullException.ThrowIfNull(indices);
        var x = AlignedSets.ToModelInput(union.index_select(0, indices));
        var y = model.Labels(indices.floor_divide(setSize).to(ScalarType.Int64));
        var q = model.Encode(x, y);
        var z = VaeObjective.Reparameterize(q.ZMu, q.ZLogVar, generator);
        var w = VaeObjective.Reparameterize(q.WMu, q.WLogVar, generator);

        // Each term is built where the sum meets it, so the kernels and autograd's nodes come in the order of the one-line sum.
        var bce = VaeObjective.Reconstruction(model.Decode(z, w), x);
        var m1 = CsvaeObjective.ReconstructionWeight * bce;
        var klW = CsvaeObjective.KlDivergence(q.WMu, q.WLogVar, model.PriorMean(y), model.PriorLogVar(y));
        m1 = m1 + (CsvaeObjective.WKlWeight * klW);
        var klZ = VaeObjective.KlDivergence(q.ZMu, q.ZLogVar);
        m1 = m1 + (CsvaeObjective.ZKlWeight * klZ);
        var negativeEntropy = CsvaeObjective.NegativeEntropy(model.Adversary.Logits(z));
        m1 = m1 + (CsvaeObjective.AdversaryEntropyWeight * negativeEntropy);

        var heldZ = z.detach();
        return new AdversarialLosses(
            new StageLoss(m1, [new("bce", bce), new("kl_w", klW), new("kl_z", klZ), new("negative_entropy", negativeEntropy)]),
            () => -CsvaeObjective.AdversaryLikelihoodWeight * CsvaeObjective.LogLikelihood(model.Adversary.Logits(heldZ), y));
    }
}
