using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>Table I's columns: what each predicts from which set and what it is compared with.</summary>
public class TableOneColumnsTests
{
    private static Tensor Digits => Tiny.Indices(2, 0);

    [Fact]
    public void Lavae_columns_and_their_targets()
    {
        using var model = Tiny.Lavae();

        TableOneColumns.ForLavae(model).Select(c => (c.Name, c.Target)).Should().Equal(
            ("orig", AugClass.Orig), ("aug1", AugClass.Aug1), ("aug2", AugClass.Aug2), ("compose", AugClass.Compose),
            ("reverse_compose", AugClass.Compose),
            ("inverse_aug1", AugClass.Orig), ("inverse_aug2", AugClass.Orig), ("inverse_compose", AugClass.Orig),
            ("involutory_inverse_aug1", AugClass.Orig), ("involutory_inverse_aug2", AugClass.Orig));
    }

    [Fact]
    public void Lavae_columns_decode_the_mean_of_x0_through_the_maps_and_inverses_start_from_the_augmented_image()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 2);
        using var generator = new Generator(2);
        model.AddHead(generator);
        using var sets = Tiny.UnrelatedSets(3, seed: 2);
        var columns = TableOneColumns.ForLavae(model, head: 1).ToDictionary(c => c.Name);
        Tensor Mu(AugClass c) => model.Encode(sets.Batch(c, Digits)).Mu;
        Tensor Decode(Tensor z) => model.Decode(z, head: 1);

        var z0 = Mu(AugClass.Orig);
        var expected = new Dictionary<string, Tensor>
        {
            ["orig"] = Decode(z0),
            ["aug1"] = Decode(z0.matmul(L(model, 0))),
            ["aug2"] = Decode(z0.matmul(L(model, 1))),
            ["compose"] = Decode(z0.matmul(L(model, 0)).matmul(L(model, 1))),
            ["reverse_compose"] = Decode(z0.matmul(L(model, 1)).matmul(L(model, 0))),
            ["inverse_aug1"] = Decode(Mu(AugClass.Aug1).matmul(linalg.inv(L(model, 0)))),
            ["inverse_aug2"] = Decode(Mu(AugClass.Aug2).matmul(linalg.inv(L(model, 1)))),
            ["inverse_compose"] = Decode(Mu(AugClass.Compose).matmul(linalg.inv(L(model, 1))).matmul(linalg.inv(L(model, 0)))),
            ["involutory_inverse_aug1"] = Decode(Mu(AugClass.Aug1).matmul(L(model, 0)).matmul(L(model, 0))),
            ["involutory_inverse_aug2"] = Decode(Mu(AugClass.Aug2).matmul(L(model, 1)).matmul(L(model, 1))),
        };

        columns.Keys.Should().BeEquivalentTo(expected.Keys);
        foreach (var (name, prediction) in expected)
        {
            columns[name].Predict(sets, Digits).ShouldBeClose(ByHand.Values(prediction), 1e-5, name);
        }

        ByHand.Values(TableOneColumns.ForLavae(model).Single(c => c.Name == "orig").Predict(sets, Digits))
            .Should().NotEqual(ByHand.Values(expected["orig"]), "head 0 and head 1 are different decoders");
    }

    [Fact]
    public void Lavae_with_mlp_maps_has_no_inverse_columns_and_is_measurable()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(maps: LatentMapKind.Mlp);
        using var sets = Tiny.Sets(2, seed: 5);
        var columns = TableOneColumns.ForLavae(model);

        columns.Select(c => c.Name).Should().Equal("orig", "aug1", "aug2", "compose", "reverse_compose");
        ReconstructionErrors.Measure(sets, columns).Should().ContainKey("bce.total");
    }

    [Fact]
    public void Cvae_columns_swap_the_class_encode_x0_as_orig_and_inverses_decode_as_orig()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Cvae(seed: 3);
        using var sets = Tiny.UnrelatedSets(3, seed: 3);
        var columns = TableOneColumns.ForCvae(model);
        Tensor OneHot(int c) => ByHand.Float(ByHand.OneHot([c, c], 4), 2, 4);
        Tensor Swap(AugClass from, AugClass to) =>
            model.Decode(model.Encode(sets.Batch(from, Digits), OneHot((int)from)).Mu, OneHot((int)to));

        columns.Select(c => (c.Name, c.Target)).Should().Equal(
            ("orig", AugClass.Orig), ("aug1", AugClass.Aug1), ("aug2", AugClass.Aug2), ("compose", AugClass.Compose),
            ("inverse_aug1", AugClass.Orig), ("inverse_aug2", AugClass.Orig), ("inverse_compose", AugClass.Orig));
        var expected = new[]
        {
            Swap(AugClass.Orig, AugClass.Orig), Swap(AugClass.Orig, AugClass.Aug1), Swap(AugClass.Orig, AugClass.Aug2), Swap(AugClass.Orig, AugClass.Compose),
            Swap(AugClass.Aug1, AugClass.Orig), Swap(AugClass.Aug2, AugClass.Orig), Swap(AugClass.Compose, AugClass.Orig),
        };
        for (var c = 0; c < columns.Count; c++)
        {
            columns[c].Predict(sets, Digits).ShouldBeClose(ByHand.Values(expected[c]), 1e-5, columns[c].Name);
        }
    }

    [Fact]
    public void Plain_vae_has_only_orig_the_decoded_mean()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(4);
        using var model = new PlainVae(Tiny.Shape, generator, CPU);
        using var sets = Tiny.Sets(3, seed: 4);

        var column = TableOneColumns.ForPlainVae(model).Should().ContainSingle().Subject;

        (column.Name, column.Target).Should().Be(("orig", AugClass.Orig));
        var x0 = sets.Batch(AugClass.Orig, Digits);
        column.Predict(sets, Digits).ShouldBeClose(ByHand.Values(model.Decoder.forward(model.Encoder.forward(x0).Mu)), 1e-6, "decode(μ(x0))");
    }

    private static Tensor L(Lavae model, int k) => ((LatentMap)model.Maps[k]).L.detach();
}
