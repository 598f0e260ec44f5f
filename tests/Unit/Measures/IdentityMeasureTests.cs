using LaVae.Augmentations;
using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Models;
using LaVae.Tests.Unit.Augmentations;
using LaVae.Tests.Unit.Training;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Measures;

/// <summary>The identity measure on decoders whose answers are known: one that decodes each digit's own target, one that decodes its neighbour's.</summary>
public class IdentityMeasureTests
{
    private static readonly IdentityMeasure Measure = (IdentityMeasure)MeasureRegistry.Get("identity");

    [Theory]
    [InlineData(16)]  // every other digit is a candidate
    [InlineData(250)] // 99 of the 249 others, over three batches
    public void A_decoder_that_returns_each_digits_own_target_retrieves_every_digit(int count)
    {
        using var scope = NewDisposeScope();
        using var test = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(TestImages.Random(count, seed: 2), seed: 1);

        var scores = IdentityMeasure.Scores(test, Columns(set => batch => batch.Input(set)), seed: 1);

        scores.Select(s => s.Identity).Should().Equal(1.0, 1.0, 1.0, 1.0);
        scores.Select(s => s.Unaugmented).Should().Equal([0.0, 0.0, 0.0, 0.0], "each decoded image is its target, at distance 0");
    }

    [Fact]
    public void A_decoder_that_returns_the_next_digits_target_retrieves_none_when_every_digit_is_a_candidate()
    {
        using var scope = NewDisposeScope();
        using var test = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(TestImages.Random(16, seed: 3), seed: 1);
        var neighbours = Columns(set => batch => test.Batch(set, batch.Indices.add(1).remainder(16)));

        IdentityMeasure.Scores(test, neighbours, seed: 1).Select(s => s.Identity).Should().Equal(0.0, 0.0, 0.0, 0.0);
    }

    [Fact]
    public void A_decoder_right_on_half_the_digits_scores_one_half()
    {
        using var scope = NewDisposeScope();
        using var test = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(TestImages.Random(16, seed: 4), seed: 1);
        // Even digits decode to their own target, odd ones to the next (even) digit's.
        var half = Columns(set => batch => test.Batch(set, (batch.Indices + batch.Indices.remainder(2)).remainder(16)));
        var expected = 8.0 / 16;

        IdentityMeasure.Scores(test, half, seed: 1).Select(s => s.Identity).Should().Equal(expected, expected, expected, expected);
    }

    [Fact]
    public void A_decoder_that_ignores_the_augmentation_and_returns_x0_is_counted_as_unaugmented_in_every_augmented_column()
    {
        using var scope = NewDisposeScope();
        using var test = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(TestImages.Random(16, seed: 5), seed: 1);

        var scores = IdentityMeasure.Scores(test, Columns(_ => batch => batch.Input(AugClass.Orig)), seed: 1);

        scores.Select(s => s.Unaugmented).Should().Equal([0.0, 1.0, 1.0, 1.0], "x0 is at distance 0 from itself and not from a flip of random pixels");
        scores[0].Identity.Should().Be(1.0, "for the orig column x0 is the target");
    }

    [Fact]
    public void It_reports_four_identity_and_three_unaugmented_columns_per_model_and_needs_only_the_models()
    {
        var design = new ExperimentDesign("mnist", ["flip_lr", "flip_ud"], ["lavae", "cvae_trad"], null, TinyTraining.Settings());

        Measure.MetricNames(design).Should().Equal(
            "lavae.identity.orig", "lavae.identity.aug1", "lavae.identity.aug2", "lavae.identity.compose",
            "lavae.unaugmented.aug1", "lavae.unaugmented.aug2", "lavae.unaugmented.compose",
            "cvae_trad.identity.orig", "cvae_trad.identity.aug1", "cvae_trad.identity.aug2", "cvae_trad.identity.compose",
            "cvae_trad.unaugmented.aug1", "cvae_trad.unaugmented.aug2", "cvae_trad.unaugmented.compose");
        Measure.Needs(design, seed: 1).Select(spec => spec.Kind).Should().Equal("lavae", "cvae_trad");
    }

    private static List<ErrorColumn> Columns(Func<AugClass, Func<EvaluationBatch, Tensor>> decode) =>
    [
        new("orig", AugClass.Orig, decode(AugClass.Orig)),
        new("aug1", AugClass.Aug1, decode(AugClass.Aug1)),
        new("aug2", AugClass.Aug2, decode(AugClass.Aug2)),
        new("compose", AugClass.Compose, decode(AugClass.Compose)),
    ];
}
