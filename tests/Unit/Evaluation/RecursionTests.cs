using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Models;
using LaVae.Evaluation;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>
/// The recursion loop with exact stand-ins for the model: the encoder flattens the image (its "latent"
/// is the 784 pixels), the decoder reshapes it back, and L is the 784x784 permutation that mirrors a
/// digit left-right, optionally scaled. Then every step has a closed form.
/// </summary>
public class RecursionTests
{
    private static Tensor Encode(Tensor x) => x.flatten(1);

    private static Tensor Decode(Tensor z) => z.view(-1, 1, 28, 28);

    /// <summary>P with (z·P)[r·28 + c] = z[r·28 + 27 − c]: flip_lr on a flattened digit.</summary>
    private static Tensor MirrorPermutation(double scale = 1)
    {
        var p = new float[784 * 784];
        for (var r = 0; r < 28; r++)
        {
            for (var c = 0; c < 28; c++)
            {
                p[(((r * 28) + 27 - c) * 784) + (r * 28) + c] = (float)scale;
            }
        }

        return tensor(p, new long[] { 784, 784 });
    }

    [Fact]
    public void An_exact_involution_recurses_with_zero_error_alternating_between_the_flip_and_the_original()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.Sets(3, seed: 4);
        var flip = AugmentationRegistry.Get("flip_lr");
        using var generator = new Generator(1);
        var l = MirrorPermutation();

        var targets = Recursion.Targets(sets.Orig, x => flip.Apply(x, generator), steps: 4);
        var (images, latents) = Recursion.ThroughImages(AlignedSets.ToModelInput(sets.Orig), Encode, Decode, z => z.matmul(l), steps: 4);

        targets.shape.Should().Equal(4, 3, 1, 28, 28);
        targets.select(0, 0).ShouldBeClose(ByHand.Pixels(sets[AugClass.Aug1]), 1e-7, "step 1 is A(x0)");
        targets.select(0, 1).ShouldBeClose(ByHand.Pixels(sets.Orig), 1e-7, "step 2 is A(A(x0)) = x0 for a flip");
        targets.select(0, 2).ShouldBeClose(ByHand.Pixels(sets[AugClass.Aug1]), 1e-7, "step");
        Recursion.Errors(images, targets).ShouldBeClose(new double[4 * 3], 1e-9, "image loop");
        Recursion.Errors(Recursion.LatentPower(latents.select(0, 0), Decode, z => z.matmul(l), 4), targets).ShouldBeClose(new double[4 * 3], 1e-9, "latent power");
        latents.shape.Should().Equal(5, 3, 784);
        latents.select(0, 3).ShouldBeClose(ByHand.Pixels(sets[AugClass.Aug1]), 1e-7, "the path's step 3 is μ(A³(x0)) = the flattened A(x0)");
        latents.select(0, 4).ShouldBeClose(ByHand.Pixels(sets.Orig), 1e-7, "step");
    }

    [Fact]
    public void A_shrinking_involution_drifts_by_the_closed_form_error_and_the_run_reads_it_per_digit_across_batches()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.Sets(5, seed: 9);
        var flip = AugmentationRegistry.Get("flip_lr");
        using var generator = new Generator(1);
        var l = MirrorPermutation(scale: 0.5);

        // x(n) = 0.5ⁿ·Aⁿ(x0) both through images and in latent space, so SSE(n) = (1 − 0.5ⁿ)²·‖x0‖².
        var run = RecursionRun.Measure(sets.Orig, Encode, Decode, z => z.matmul(l), x => flip.Apply(x, generator), batchSize: 2);

        var pixels = ByHand.Pixels(sets.Orig);
        var norms = Enumerable.Range(0, 5).Select(i => pixels.Skip(i * 784).Take(784).Sum(v => v * v)).ToArray();
        for (var n = 1; n <= RecursionRun.Steps; n++)
        {
            var expected = norms.Select(norm => Math.Pow(1 - Math.Pow(0.5, n), 2) * norm).ToArray();
            run.ImageLoop[n - 1].ShouldBeClose(expected, 1e-4 * norms.Max(), $"image loop step {n}");
            run.LatentPower[n - 1].ShouldBeClose(expected, 1e-4 * norms.Max(), $"latent power step {n}");
        }

        run.Digits.Should().Be(5);
        run.StableBound.Should().BeApproximately(2 * 0.25 * norms.Order().ElementAt(2), 1e-4 * norms.Max(), "twice the median step-1 error");
        // Step 8 costs (1 − 2⁻⁸)² ≈ 0.99 of ‖x0‖², four times step 1's 0.25: no digit is within twice the median step-1 error.
        StepStatistics.ShareAtMost(run.ImageLoop[^1], run.StableBound).Should().Be(0);
        run.PathOf(3)[2].Select(v => (double)v).ToArray().ShouldBeClose(pixels.Skip(3 * 784).Take(784).Select(v => v * 0.25).ToArray(), 1e-6, "digit 3's latent after two steps: 0.25·x0");
    }
}
