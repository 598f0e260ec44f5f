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

        var m1 = (CsvaeObjective.ReconstructionWeight * VaeObjective.Reconstruction(model.Decode(z, w), x))
            + (CsvaeObjective.WKlWeight * CsvaeObjective.KlDivergence(q.WMu, q.WLogVar, model.PriorMean(y), model.PriorLogVar(y)))
            + (CsvaeObjective.ZKlWeight * VaeObjective.KlDivergence(q.ZMu, q.ZLogVar))
            + (CsvaeObjective.AdversaryEntropyWeight * CsvaeObjective.NegativeEntropy(model.Adversary.Logits(z)));

        var heldZ = z.detach();
        return new AdversarialLosses(m1, () => -CsvaeObjective.AdversaryLikelihoodWeight * CsvaeObjective.LogLikelihood(model.Adversary.Logits(heldZ), y));
    }
}
