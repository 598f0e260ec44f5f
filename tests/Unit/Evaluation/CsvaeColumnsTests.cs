using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>CSVAE's Table I columns: z of the source image, w at the target label's prior mean.</summary>
public class CsvaeColumnsTests
{
    [Fact]
    public void Csvae_keeps_z_of_the_source_and_sets_w_to_the_target_labels_prior_mean_orig_uses_the_encoders_w()
    {
        using var scope = NewDisposeScope();
        using var model = CsvaeTests.Tiny(seed: 6);
        using var sets = Tiny.UnrelatedSets(3, seed: 6);
        var digits = Tiny.Indices(2, 0);
        var columns = TableOneColumns.ForCsvae(model);
        double[][] priorMean = [[0, 0, 0, 0], [3, 3, 0, 0], [0, 0, 3, 3], [3, 3, 3, 3]];
        Tensor Move(AugClass from, AugClass to) =>
            model.Decode(model.ZEncoder.forward(sets.Batch(from, digits)).Mu, ByHand.Float([.. priorMean[(int)to], .. priorMean[(int)to]], 2, 4));
        var x0 = sets.Batch(AugClass.Orig, digits);
        var reconstruction = model.Decode(model.ZEncoder.forward(x0).Mu, model.Encode(x0, ByHand.Float([0, 0, 0, 0], 2, 2)).WMu);

        columns.Select(c => (c.Name, c.Target)).Should().Equal(
            ("orig", AugClass.Orig), ("aug1", AugClass.Aug1), ("aug2", AugClass.Aug2), ("compose", AugClass.Compose),
            ("inverse_aug1", AugClass.Orig), ("inverse_aug2", AugClass.Orig), ("inverse_compose", AugClass.Orig));
        var expected = new[]
        {
            reconstruction, Move(AugClass.Orig, AugClass.Aug1), Move(AugClass.Orig, AugClass.Aug2), Move(AugClass.Orig, AugClass.Compose),
            Move(AugClass.Aug1, AugClass.Orig), Move(AugClass.Aug2, AugClass.Orig), Move(AugClass.Compose, AugClass.Orig),
        };
        for (var c = 0; c < columns.Count; c++)
        {
            columns[c].Predict(sets, digits).ShouldBeClose(ByHand.Values(expected[c]), 1e-5, columns[c].Name);
        }

        ReconstructionErrors.Measure(sets, columns).Should().ContainKey("bce.total");
    }
}
