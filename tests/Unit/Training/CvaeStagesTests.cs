using LaVae.Data;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>The two CVAE baselines' losses, recomputed from hand-built inputs and one-hot conditions.</summary>
public class CvaeStagesTests
{
    private const int N = 4;
    private const int D = 16;

    [Fact]
    public void Traditional_reconstructs_union_example_i_as_image_i_mod_N_of_set_i_div_N_given_that_class()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Cvae(seed: 1);
        using var sets = Tiny.UnrelatedSets(N, seed: 1);
        var union = sets.Union([AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose]);
        long[] examples = [1, 6, 11, 12, 3];
        using var generator = new Generator(3);
        using var twin = new Generator(3);

        var loss = CvaeStages.Traditional(model, union, N, Tiny.Indices(examples), generator, klWeight: 1.5).Total.ToDouble();

        int[] classes = [0, 1, 2, 3, 0];
        var x = Images(sets, classes, [1, 2, 3, 0, 3]);
        var condition = ByHand.Float(ByHand.OneHot(classes, 4), examples.Length, 4);
        var (mu, logVar) = model.Encode(ByHand.Float(x, examples.Length, 1, 28, 28), condition);
        var z = ByHand.Reparameterize(ByHand.Values(mu), ByHand.Values(logVar), ByHand.Values(randn([examples.Length, D], generator: twin)));
        var decoded = ByHand.Values(model.Decode(ByHand.Float(z, examples.Length, D), condition));
        var expected = ByHand.SummedBce(decoded, x) + (1.5 * ByHand.Kl(ByHand.Values(mu), ByHand.Values(logVar)));
        loss.Should().BeApproximately(expected, 1e-5 * expected);
    }

    [Fact]
    public void Augmentation_invariant_targets_are_orig_A1_and_A2_never_the_composition()
    {
        CvaeStages.AugmentationInvariantTargets.Should().Equal(AugClass.Orig, AugClass.Aug1, AugClass.Aug2);
    }

    [Fact]
    public void Augmentation_invariant_encodes_x0_as_orig_and_decodes_class_i_div_N_to_target_A_k_of_digit_i_mod_N()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Cvae(seed: 2);
        using var sets = Tiny.UnrelatedSets(N, seed: 2);
        var targets = sets.Union(CvaeStages.AugmentationInvariantTargets);
        long[] examples = [1, 6, 11, 4];
        using var generator = new Generator(4);
        using var twin = new Generator(4);

        var loss = CvaeStages.AugmentationInvariant(model, sets, targets, Tiny.Indices(examples), generator, klWeight: 0.5).Total.ToDouble();

        int[] digits = [1, 2, 3, 0];
        int[] classes = [0, 1, 2, 1];
        var x0 = Images(sets, [0, 0, 0, 0], digits);
        var orig = ByHand.Float(ByHand.OneHot([0, 0, 0, 0], 4), examples.Length, 4);
        var (mu, logVar) = model.Encode(ByHand.Float(x0, examples.Length, 1, 28, 28), orig);
        var z = ByHand.Reparameterize(ByHand.Values(mu), ByHand.Values(logVar), ByHand.Values(randn([examples.Length, D], generator: twin)));
        var decoded = ByHand.Values(model.Decode(ByHand.Float(z, examples.Length, D), ByHand.Float(ByHand.OneHot(classes, 4), examples.Length, 4)));
        var expected = ByHand.SummedBce(decoded, Images(sets, classes, digits)) + (0.5 * ByHand.Kl(ByHand.Values(mu), ByHand.Values(logVar)));
        loss.Should().BeApproximately(expected, 1e-5 * expected);
    }

    /// <summary>Image digits[i] of set classes[i], as model input values, concatenated.</summary>
    private static double[] Images(AlignedSets sets, int[] classes, int[] digits) =>
        classes.Zip(digits).SelectMany(p => ByHand.Pixels(sets[(AugClass)p.First].select(0, p.Second))).ToArray();
}
