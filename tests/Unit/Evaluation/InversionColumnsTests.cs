using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>The inversion measure's pieces: the true inverse of a known matrix, the involution residual, the condition number and the uninverted reference.</summary>
public class InversionColumnsTests
{
    [Fact]
    public void The_inverse_column_undoes_a_known_map_whose_inverse_is_written_out()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 3);
        using var sets = Tiny.UnrelatedSets(2, seed: 6);
        // L1 = a permutation of the 16 dimensions (cyclic shift by one) times diag(2, 1, 1, ...):
        // z·L1 sends z[i] to position i + 1 (doubled for i = 0), so L1⁻¹ shifts back and halves.
        var l = new float[16 * 16];
        var inverse = new float[16 * 16];
        for (var i = 0; i < 16; i++)
        {
            var scale = i == 0 ? 2f : 1f;
            l[(i * 16) + ((i + 1) % 16)] = scale;
            inverse[(((i + 1) % 16) * 16) + i] = 1 / scale;
        }

        using (no_grad())
        {
            ((LatentMap)model.Maps[0]).L.copy_(tensor(l, new long[] { 16, 16 }));
        }

        var column = TableOneColumns.ForLavae(model).Single(c => c.Name == "inverse_aug1");
        var indices = Tiny.Indices(0, 1);
        var expected = model.Decode(model.Encode(sets.Batch(AugClass.Aug1, indices)).Mu.matmul(tensor(inverse, new long[] { 16, 16 })));

        column.Predict(sets, indices).ShouldBeClose(ByHand.Values(expected), 1e-5, "decode(μ(A1 x0)·L1⁻¹)");
        column.Target.Should().Be(AugClass.Orig);
    }

    [Fact]
    public void Involution_residual_and_condition_of_known_matrices()
    {
        using var scope = NewDisposeScope();
        var swap = ByHand.Float([0, 1, 1, 0], 2, 2);
        var twice = ByHand.Float([2, 0, 0, 2], 2, 2);
        var stretched = ByHand.Float([1, 0, 0, 4], 2, 2);

        InversionColumns.InvolutionResidual(swap).ToDouble().Should().BeApproximately(0, 1e-7, "a swap is its own inverse");
        InversionColumns.InvolutionResidual(twice).ToDouble().Should().BeApproximately(Math.Sqrt(2 * 3 * 3), 1e-5, "(2I)² − I = 3I");
        InversionColumns.InvolutionResidual(zeros([16, 16])).ToDouble().Should().BeApproximately(4, 1e-6, "‖−I‖_F at latent 16");
        InversionColumns.Condition(stretched).ToDouble().Should().BeApproximately(4, 1e-5);
        InversionColumns.Condition(swap).ToDouble().Should().BeApproximately(1, 1e-5);
    }

    [Fact]
    public void The_uninverted_reference_decodes_the_augmented_digit_as_it_is_against_x0()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 4);
        using var sets = Tiny.UnrelatedSets(2, seed: 8);
        var indices = Tiny.Indices(1, 0);
        var columns = InversionColumns.Uninverted(model).ToDictionary(c => c.Name);

        columns.Keys.Should().Equal("uninverted_aug1", "uninverted_aug2", "uninverted_compose");
        foreach (var (name, set) in new[] { ("uninverted_aug1", AugClass.Aug1), ("uninverted_aug2", AugClass.Aug2), ("uninverted_compose", AugClass.Compose) })
        {
            var expected = model.Decode(model.Encode(sets.Batch(set, indices)).Mu);
            columns[name].Predict(sets, indices).ShouldBeClose(ByHand.Values(expected), 1e-6, name);
            columns[name].Target.Should().Be(AugClass.Orig);
        }
    }
}
