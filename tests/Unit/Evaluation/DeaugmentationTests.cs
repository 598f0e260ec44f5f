using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>Turning decoded images back: checked against the augmentations themselves, not against a second copy of the inverses.</summary>
public class DeaugmentationTests
{
    public static TheoryData<string, string> ExactPairs => new()
    {
        { "flip_lr", "flip_ud" },
        { "rotate_cw", "flip_lr" }, // the composition does not commute: the order of the inverses matters
        { "flip_ud", "rotate_cw" },
        { "rotate_ccw", "flip_lr" },
        { "rotate_cw", "rotate_ccw" },
    };

    [Theory]
    [MemberData(nameof(ExactPairs))]
    public void Undoing_every_set_of_an_exact_pair_gives_back_the_originals(string first, string second)
    {
        using var scope = NewDisposeScope();
        var originals = TestImages.Random(3, seed: 4);
        using var sets = AugmentationRegistry.Pair(first, second).Apply(originals, seed: 9);
        var expected = AlignedSets.ToModelInput(originals).ToArray<float>();

        foreach (var set in new[] { AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose })
        {
            Deaugmentation.IsExact([first, second], set).Should().BeTrue();
            var undone = Deaugmentation.Undo(AlignedSets.ToModelInput(sets[set]), [first, second], set);
            undone.shape.Should().Equal(3, 1, 28, 28);
            undone.contiguous().ToArray<float>().Should().Equal(expected, "{0} of ({1}, {2}) turned back is x0", set, first, second);
        }
    }

    [Fact]
    public void The_composition_is_undone_in_reverse_order_so_the_wrong_order_would_fail_this_pair()
    {
        using var scope = NewDisposeScope();
        var originals = TestImages.Random(2, seed: 5);
        using var sets = AugmentationRegistry.Pair("rotate_cw", "flip_lr").Apply(originals, seed: 1);
        var composed = AlignedSets.ToModelInput(sets[AugClass.Compose]);

        // Undoing rotate_cw first and then flip_lr (the wrong order) does not give x0 back.
        var wrongOrder = composed.rot90(1, (2, 3)).flip(3);
        wrongOrder.contiguous().ToArray<float>().Should().NotEqual(AlignedSets.ToModelInput(originals).ToArray<float>());
        Deaugmentation.Undo(composed, ["rotate_cw", "flip_lr"], AugClass.Compose).contiguous().ToArray<float>()
            .Should().Equal(AlignedSets.ToModelInput(originals).ToArray<float>());
    }

    [Theory]
    [InlineData("mini_image", "edge_detect")]
    [InlineData("shearX", "canny")]
    [InlineData("flip_lr", "gaussian_blur")]
    public void Augmentations_that_lose_information_or_resample_have_no_exact_inverse(string first, string second)
    {
        string[] pair = [first, second];
        Deaugmentation.IsExact(pair, AugClass.Orig).Should().BeTrue("the originals need no undoing");
        Deaugmentation.IsExact(pair, AugClass.Aug1).Should().Be(first == "flip_lr");
        Deaugmentation.IsExact(pair, AugClass.Aug2).Should().BeFalse();
        Deaugmentation.IsExact(pair, AugClass.Compose).Should().BeFalse("one non-invertible step spoils the composition");
        using var image = zeros([1, 1, 28, 28]);
        var undo = () => Deaugmentation.Undo(image, pair, AugClass.Aug2);
        undo.Should().Throw<InvalidOperationException>().WithMessage($"'{second}' has no exact inverse");
    }
}
