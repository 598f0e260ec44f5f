using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>What a model's columns share in a batch is computed once per batch.</summary>
public class EvaluationBatchTests
{
    private static readonly AugClass[] Sets = [AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose];

    [Fact]
    public void Memo_computes_once_per_key_and_per_batch()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.Sets(3, seed: 1);
        var batch = new EvaluationBatch(sets, Tiny.Indices(0, 2));
        var computed = new List<string>();
        Tensor Compute(string key, double value) => batch.Memo(key, () =>
        {
            computed.Add(key);
            return full([2], value);
        });

        var first = Compute("z0", 1);
        var again = Compute("z0", 2);
        var other = Compute("mu/Aug1", 3);

        again.Should().BeSameAs(first);
        ByHand.Values(again).Should().Equal(1, 1);
        ByHand.Values(other).Should().Equal(3, 3);
        computed.Should().Equal("z0", "mu/Aug1");
        new EvaluationBatch(sets, Tiny.Indices(0, 2)).Memo("z0", () => full([2], 4.0)).Should().NotBeSameAs(first, "a memo belongs to one batch");
    }

    [Fact]
    public void Input_is_the_batch_of_one_set_as_model_input_read_once()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.UnrelatedSets(4, seed: 2);
        var indices = Tiny.Indices(3, 1);
        var batch = new EvaluationBatch(sets, indices);

        foreach (var set in Sets)
        {
            var input = batch.Input(set);

            batch.Input(set).Should().BeSameAs(input);
            input.shape.Should().Equal(2, 1, 28, 28);
            ByHand.Values(input).Should().Equal(ByHand.Values(sets.Batch(set, indices)), "{0} is that set's images 3 and 1", set);
        }
    }

    [Fact]
    public void Lavae_columns_encode_each_input_set_once_per_batch_through_the_memo()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 1);
        using var other = Tiny.Lavae(seed: 9);
        using var hybrid = Tiny.Lavae(seed: 1);
        hybrid.Encoder.LoadExactly(other.Encoder.state_dict());
        using var sets = Tiny.UnrelatedSets(5, seed: 3);
        var encoded = Sets.ToDictionary(set => set, _ => 0);

        // Runs first in every batch and stores each set's mean under the key the LAVAE's columns read,
        // encoded by another model: a column that encoded by itself would decode the model's own means.
        var spy = new ErrorColumn("spy", AugClass.Orig, b =>
        {
            foreach (var set in Sets)
            {
                b.Memo($"mu/{set}", () =>
                {
                    encoded[set]++;
                    return other.Encode(b.Input(set)).Mu;
                });
            }

            return b.Input(AugClass.Orig);
        });

        var measured = ReconstructionErrors.Measure(sets, [spy, .. TableOneColumns.ForLavae(model)], batchSize: 2);

        encoded.Values.Should().Equal([3, 3, 3, 3], "5 images in batches of 2 are 3 batches, and each set is encoded once per batch");
        var expected = ReconstructionErrors.Measure(sets, TableOneColumns.ForLavae(hybrid), batchSize: 2);
        var own = ReconstructionErrors.Measure(sets, TableOneColumns.ForLavae(model), batchSize: 2);
        foreach (var (name, value) in expected)
        {
            measured[name].Should().BeApproximately(value, 1e-9 * Math.Max(1, value), "{0} decodes the means stored in the batch", name);
            own[name].Should().NotBe(value, "the other encoder must change {0}, or this test could not fail", name);
        }
    }
}
