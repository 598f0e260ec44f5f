using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>A transfer head's columns: the head decodes z0 = μ(x0) moved by the latent space's maps.</summary>
public class TransferColumnsTests
{
    private const int Latent = 16;

    private static Tensor Digits => Tiny.Indices(2, 0);

    [Fact]
    public void A_heads_columns_and_their_targets()
    {
        using var scope = NewDisposeScope();
        using var space = Tiny.Lavae();
        using var generator = new Generator(1);
        using var head = new ConvDecoder(Tiny.Shape, conditionSize: 0, generator, CPU);

        TableOneColumns.ForTransferHead(space, head).Select(c => (c.Name, c.Target)).Should().Equal(
            ("orig", AugClass.Orig), ("aug1", AugClass.Aug1), ("aug2", AugClass.Aug2), ("compose", AugClass.Compose));
    }

    [Fact]
    public void Predictions_are_the_head_of_z0_and_of_z0_moved_by_L1_L2_and_both()
    {
        using var scope = NewDisposeScope();
        using var space = Tiny.Lavae(seed: 4);
        using var generator = new Generator(5);
        using var head = new ConvDecoder(Tiny.Shape, conditionSize: 0, generator, CPU);
        using var sets = Tiny.UnrelatedSets(3, seed: 4);
        var columns = TableOneColumns.ForTransferHead(space, head).ToDictionary(c => c.Name);
        var z0 = ByHand.Values(space.Encode(sets.Batch(AugClass.Orig, Digits)).Mu);
        var (l1, l2) = (L(space, 0), L(space, 1));
        Tensor Head(params double[][] maps) => head.forward(ByHand.Float(ByHand.Times(z0, Latent, maps), 2, Latent));

        var expected = new Dictionary<string, Tensor>
        {
            ["orig"] = Head(),
            ["aug1"] = Head(l1),
            ["aug2"] = Head(l2),
            ["compose"] = Head(l1, l2),
        };

        foreach (var (name, prediction) in expected)
        {
            columns[name].Predict(sets, Digits).ShouldBeClose(ByHand.Values(prediction), 1e-5, name);
        }

        ByHand.Values(columns["orig"].Predict(sets, Digits)).Should().NotEqual(
            ByHand.Values(space.Decode(space.Encode(sets.Batch(AugClass.Orig, Digits)).Mu)), "the head decodes, not the latent space's decoder 0");
        ByHand.Values(columns["compose"].Predict(sets, Digits)).Should().NotEqual(
            ByHand.Values(Head(l2, l1)), "compose is L1 then L2");
    }

    [Fact]
    public void The_columns_share_one_z0_per_batch()
    {
        using var scope = NewDisposeScope();
        using var space = Tiny.Lavae(seed: 6);
        using var other = Tiny.Lavae(seed: 7);
        using var hybrid = Tiny.Lavae(seed: 6);
        hybrid.Encoder.LoadExactly(other.Encoder.state_dict());
        using var generator = new Generator(6);
        using var head = new ConvDecoder(Tiny.Shape, conditionSize: 0, generator, CPU);
        using var sets = Tiny.UnrelatedSets(5, seed: 6);
        var encoded = 0;
        var spy = new ErrorColumn("spy", AugClass.Orig, b =>
        {
            b.Memo("z0", () =>
            {
                encoded++;
                return other.Encode(b.Input(AugClass.Orig)).Mu;
            });
            return b.Input(AugClass.Orig);
        });

        var measured = ReconstructionErrors.Measure(sets, [spy, .. TableOneColumns.ForTransferHead(space, head)], batchSize: 2);

        encoded.Should().Be(3, "5 images in batches of 2 are 3 batches");
        var expected = ReconstructionErrors.Measure(sets, TableOneColumns.ForTransferHead(hybrid, head), batchSize: 2);
        var own = ReconstructionErrors.Measure(sets, TableOneColumns.ForTransferHead(space, head), batchSize: 2);
        foreach (var (name, value) in expected)
        {
            measured[name].Should().BeApproximately(value, 1e-9 * Math.Max(1, value), "{0} reads the batch's z0", name);
            own[name].Should().NotBe(value, "the other encoder must change {0}, or this test could not fail", name);
        }
    }

    private static double[] L(Lavae model, int k) => ByHand.Values(((LatentMap)model.Maps[k]).L);
}
