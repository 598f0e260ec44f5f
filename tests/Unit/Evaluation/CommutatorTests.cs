using LaVae.Augmentations;
using LaVae.Evaluation;
using LaVae.Tests.Unit.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>The relative difference and the latent and image commutators, against sums written out by hand.</summary>
public class CommutatorTests
{
    [Fact]
    public void Relative_difference_is_the_mean_row_distance_over_the_mean_reference_norm()
    {
        using var scope = NewDisposeScope();
        var a = ByHand.Float([3, 4, 0, 0], 2, 2);
        var reference = ByHand.Float([0, 0, 0, 2], 2, 2);

        // Rows: ‖(3,4) − (0,0)‖ = 5, ‖(0,0) − (0,2)‖ = 2; reference norms 0 and 2.
        RelativeDifference.Of(a, reference).ToDouble().Should().BeApproximately(((5.0 + 2.0) / 2) / ((0.0 + 2.0) / 2), 1e-6);
    }

    [Fact]
    public void Latent_commutator_of_a_swap_and_a_scaling_matches_the_matrix_products_by_hand()
    {
        using var scope = NewDisposeScope();
        var z = ByHand.Float([1, 0, 0, 1, 1, 1], 3, 2);
        var swap = ByHand.Float([0, 1, 1, 0], 2, 2);
        var scale = ByHand.Float([1, 0, 0, 2], 2, 2);

        var commutator = Commutator.Of(z, v => v.matmul(swap), v => v.matmul(scale)).ToDouble();

        // z·swap·scale: (1,0)->(0,1)->(0,2); (0,1)->(1,0)->(1,0); (1,1)->(1,1)->(1,2).
        // z·scale·swap: (1,0)->(1,0)->(0,1); (0,1)->(0,2)->(2,0); (1,1)->(1,2)->(2,1).
        double[][] composed = [[0, 2], [1, 0], [1, 2]];
        double[][] reversed = [[0, 1], [2, 0], [2, 1]];
        var difference = composed.Zip(reversed, (c, r) => Math.Sqrt(Math.Pow(c[0] - r[0], 2) + Math.Pow(c[1] - r[1], 2))).Average();
        var size = composed.Average(c => Math.Sqrt((c[0] * c[0]) + (c[1] * c[1])));
        commutator.Should().BeApproximately(difference / size, 1e-6);
        commutator.Should().BeGreaterThan(0.5, "a swap and an unequal scaling do not commute");
    }

    [Fact]
    public void Commuting_maps_have_a_zero_commutator()
    {
        using var scope = NewDisposeScope();
        var z = Tiny.Matrix(5, 2, seed: 3);
        var swap = ByHand.Float([0, 1, 1, 0], 2, 2);
        var scale = ByHand.Float([3, 0, 0, 3], 2, 2);

        Commutator.Of(z, v => v.matmul(swap), v => v.matmul(scale)).ToDouble().Should().BeApproximately(0, 1e-7);
    }

    [Fact]
    public void The_two_flips_commute_in_image_space_and_have_nothing_to_redraw()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.Sets(4, seed: 7);
        var (lr, ud) = (AugmentationRegistry.Get("flip_lr"), AugmentationRegistry.Get("flip_ud"));

        Commutator.OfImages(sets.Orig, lr, ud, seed: 1).ToDouble().Should().Be(0);
        Commutator.RedrawDifference(sets.Orig, lr, ud, seed: 1).ToDouble().Should().Be(0);
    }

    [Fact]
    public void Rotating_then_flipping_differs_from_flipping_then_rotating_by_the_hand_computed_amount()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.Sets(3, seed: 11);
        var pixels = sets.Orig.contiguous().ToArray<byte>();

        var commutator = Commutator.OfImages(sets.Orig, AugmentationRegistry.Get("rotate_cw"), AugmentationRegistry.Get("flip_lr"), seed: 1).ToDouble();

        // rotate_cw: out[r, c] = in[27 − c, r]; flip_lr: out[r, c] = in[r, 27 − c].
        static byte[] Rotate(byte[] x) => Map(x, (r, c) => x[((27 - c) * 28) + r]);
        static byte[] FlipLr(byte[] x) => Map(x, (r, c) => x[(r * 28) + 27 - c]);
        double difference = 0, size = 0;
        for (var i = 0; i < 3; i++)
        {
            var x = pixels.AsSpan(i * 784, 784).ToArray();
            var composed = FlipLr(Rotate(x)); // A2(A1(x)): rotate first, then flip
            var reversed = Rotate(FlipLr(x));
            difference += Math.Sqrt(composed.Zip(reversed, (a, b) => Math.Pow((a - b) / 255.0, 2)).Sum());
            size += Math.Sqrt(composed.Sum(a => Math.Pow(a / 255.0, 2)));
        }

        commutator.Should().BeApproximately(difference / size, 1e-5);
        commutator.Should().BeGreaterThan(0.3, "on random images the two orders differ by a half turn");
    }

    [Fact]
    public void A_random_augmentation_gets_the_same_draw_in_both_orders()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.Sets(8, seed: 5);
        var (edges, flip) = (AugmentationRegistry.Get("edge_detect"), AugmentationRegistry.Get("flip_lr"));

        // edge_detect's kernel is left-right symmetric and its border reflects, so with one alpha per
        // image it commutes with flip_lr; with another alpha it would not, by as much as a redraw moves it.
        var redraw = Commutator.RedrawDifference(sets.Orig, edges, flip, seed: 1).ToDouble();
        redraw.Should().BeGreaterThan(0.01, "another alpha gives another image");
        Commutator.OfImages(sets.Orig, edges, flip, seed: 1).ToDouble().Should().BeLessThan(redraw / 100);
    }

    private static byte[] Map(byte[] x, Func<int, int, byte> pixel)
    {
        var result = new byte[784];
        for (var r = 0; r < 28; r++)
        {
            for (var c = 0; c < 28; c++)
            {
                result[(r * 28) + c] = pixel(r, c);
            }
        }

        return result;
    }
}
