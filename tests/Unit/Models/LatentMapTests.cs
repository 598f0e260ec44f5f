using LaVae.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>
/// The learned linear maps z ↦ z·L_k on row-vector latents, and what LAVAE builds from them:
/// composition, reverse composition, inversion and recursion (paper sections 1 and 5).
/// </summary>
public class LatentMapTests
{
    private const int D = 16;
    private const int N = 5;

    [Fact]
    public void Apply_multiplies_the_row_vectors_on_the_right_by_L()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        using var map = new LatentMap("flip_lr", D, generator, CPU);
        var z = Tiny.Matrix(N, D, seed: 1);

        map.Apply(z).ShouldBeClose(ByHand.Times(ByHand.Values(z), D, L(map)), 1e-5, "z·L");
        ByHand.Times(ByHand.Values(z), D, L(map)).Should().NotEqual(ByHand.Times(ByHand.Values(z), D, NaiveLinalg.Transpose(L(map), D, D)),
            "L is not symmetric, so z·L and z·Lᵀ differ and the check above pins the side L multiplies on");
    }

    [Fact]
    public void Compose_is_z_L1_L2_and_reverse_compose_is_z_L2_L1()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 12);
        var z = Tiny.Matrix(N, D, seed: 2);
        var (l1, l2) = (L(model, 0), L(model, 1));

        var composed = ByHand.Times(ByHand.Values(z), D, l1, l2);
        var reversed = ByHand.Times(ByHand.Values(z), D, l2, l1);

        model.Augment(z, 0).ShouldBeClose(ByHand.Times(ByHand.Values(z), D, l1), 1e-5, "z·L1");
        model.Augment(z, 1).ShouldBeClose(ByHand.Times(ByHand.Values(z), D, l2), 1e-5, "z·L2");
        model.Compose(z).ShouldBeClose(composed, 1e-5, "z·L1·L2");
        model.ReverseCompose(z).ShouldBeClose(reversed, 1e-5, "z·L2·L1");
        Close(composed, reversed, 1e-3).Should().BeFalse("random L1 and L2 do not commute, so the order is observable");
    }

    [Fact]
    public void Invert_undoes_Apply_with_the_true_inverse()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 13);
        var z = Tiny.Matrix(N, D, seed: 3);

        for (var k = 0; k < 2; k++)
        {
            model.Invert(model.Augment(z, k), k).ShouldBeClose(ByHand.Values(z), 1e-3, $"z·L{k + 1}·L{k + 1}⁻¹");
            var inverted = model.Invert(z, k);
            ByHand.Times(ByHand.Values(inverted), D, L(model, k)).ShouldBeClose(ByHand.Values(z), 1e-3, $"(z·L{k + 1}⁻¹)·L{k + 1}");
            Close(ByHand.Values(inverted), ByHand.Values(z), 1e-3).Should().BeFalse("a random L is not the identity");
        }
    }

    [Fact]
    public void InvertInvolutory_is_the_authors_shortcut_z_L_L()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 14);
        var z = Tiny.Matrix(N, D, seed: 4);

        model.InvertInvolutory(z, 1).ShouldBeClose(ByHand.Times(ByHand.Values(z), D, L(model, 1), L(model, 1)), 1e-5, "z·L2·L2");
        model.InvertInvolutory(z, 0).ShouldBeClose(ByHand.Times(ByHand.Values(z), D, L(model, 0), L(model, 0)), 1e-5, "z·L1·L1");
    }

    [Fact]
    public void InvertCompose_undoes_Compose_by_L2_inverse_then_L1_inverse()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 15);
        var z = Tiny.Matrix(N, D, seed: 5);

        model.InvertCompose(model.Compose(z)).ShouldBeClose(ByHand.Values(z), 1e-3, "(z·L1·L2)·L2⁻¹·L1⁻¹");
        Close(ByHand.Values(model.InvertCompose(model.ReverseCompose(z))), ByHand.Values(z), 1e-3)
            .Should().BeFalse("undoing in the composition's order does not undo the reverse composition");
    }

    [Fact]
    public void Recurse_applies_the_same_map_k_times()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 16);
        var z = Tiny.Matrix(N, D, seed: 6);
        var l2 = L(model, 1);

        model.Recurse(z, 1, 3).ShouldBeClose(ByHand.Times(ByHand.Values(z), D, l2, l2, l2), 1e-4, "z·L2³");
        model.Recurse(z, 0, 1).ShouldBeClose(ByHand.Times(ByHand.Values(z), D, L(model, 0)), 1e-5, "z·L1");
        model.Recurse(z, 0, 0).ShouldBeClose(ByHand.Values(z), 0, "z unchanged");
    }

    [Fact]
    public void Involutory_penalty_is_the_squared_Frobenius_norm_of_I_minus_L_L()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(17);
        using var map = new LatentMap("flip_ud", D, generator, CPU);

        map.InvolutoryPenalty().ToDouble().Should().BeApproximately(ByHand.InvolutoryPenalty(L(map), D), 1e-4);
        map.InvolutoryPenalty().shape.Should().BeEmpty("the penalty is a scalar added to the stage-2 loss");
    }

    [Fact]
    public void Involutory_penalty_is_zero_for_an_involution()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(18);
        using var map = new LatentMap("flip_lr", D, generator, CPU);
        var swap = new float[D * D];
        for (var i = 0; i < D; i++)
        {
            swap[(i * D) + (D - 1 - i)] = 1;
        }

        using (no_grad())
        {
            map.L.copy_(tensor(swap, new long[] { D, D }));
        }

        map.InvolutoryPenalty().ToDouble().Should().Be(0, "a permutation that reverses the coordinates is its own inverse");
    }

    [Fact]
    public void L_is_initialised_xavier_uniform_within_the_bound_sqrt_6_over_32()
    {
        var bound = Math.Sqrt(6.0 / (D + D));
        using var model = Tiny.Lavae(seed: 19);

        foreach (var k in new[] { 0, 1 })
        {
            var values = L(model, k);
            values.Should().OnlyContain(v => Math.Abs(v) <= bound, "U(±√(6/(fan_in + fan_out))) with fan_in = fan_out = 16");
            values.Max(Math.Abs).Should().BeGreaterThan(0.9 * bound, "256 uniform draws come close to the bound");
            var std = Math.Sqrt(values.Select(v => v * v).Average());
            std.Should().BeApproximately(bound / Math.Sqrt(3), 0.15 * bound / Math.Sqrt(3), "a uniform's standard deviation is bound/√3");
        }

        L(model, 0).Should().NotEqual(L(model, 1), "each map draws its own matrix");
        ((LatentMap)model.Maps[0]).L.requires_grad.Should().BeTrue("L is trained in stage 2");
    }

    [Fact]
    public void Mlp_maps_apply_but_have_no_inverse_and_no_involutory_penalty()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 20, maps: LatentMapKind.Mlp);
        var z = Tiny.Matrix(N, D, seed: 7);

        model.Compose(z).shape.Should().Equal(N, D);
        model.Maps[0].InvolutoryPenalty().ToDouble().Should().Be(0);
        model.named_parameters().Select(p => p.name).Should().Contain(["map1.fc1.weight", "map1.fc3.weight", "map2.fc2.bias"]);

        var invert = () => model.Invert(z, 0);
        invert.Should().Throw<InvalidOperationException>().WithMessage("*flip_lr*non-linear*no inverse*");
        var involutory = () => model.InvertInvolutory(z, 1);
        involutory.Should().Throw<InvalidOperationException>().WithMessage("*flip_ud*non-linear*no inverse*");
        var composed = () => model.InvertCompose(z);
        composed.Should().Throw<InvalidOperationException>().WithMessage("*non-linear*no inverse*");
    }

    private static double[] L(LatentMap map) => ByHand.Values(map.L);

    private static double[] L(Lavae model, int k) => L((LatentMap)model.Maps[k]);

    private static bool Close(double[] a, double[] b, double tolerance) =>
        a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= tolerance * Math.Max(1, Math.Abs(p.Second)));
}
