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
        using var scope = Engine.NewDisposeScope();
        using var test = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(TestImages.Random(count, seed: 2), seed: 1);

        IdentityMeasure.Accuracy(test, Columns(set => batch => batch.Input(set)), seed: 1).Should().Equal(1.0, 1.0, 1.0, 1.0);
    }

    [Fact]
    public void A_decoder_that_returns_the_next_digits_target_retrieves_none_when_every_digit_is_a_candidate()
    {
        using var scope = Engine.NewDisposeScope();
        using var test = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(TestImages.Random(16, seed: 3), seed: 1);
        var neighbours = Columns(set => batch => test.Batch(set, batch.Indices.AddInteger(1).RemainderInteger(16)));

        IdentityMeasure.Accuracy(test, neighbours, seed: 1).Should().Equal(0.0, 0.0, 0.0, 0.0);
    }

    [Fact]
    public void A_decoder_right_on_half_the_digits_scores_one_half()
    {
        using var scope = Engine.NewDisposeScope();
        using var test = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(TestImages.Random(16, seed: 4), seed: 1);
        // Even digits decode to their own target, odd ones to the next (even) digit's.
        var half = Columns(set => batch => test.Batch(set, (batch.Indices + batch.Indices.RemainderInteger(2)).RemainderInteger(16)));
        var expected = 8.0 / 16;

        IdentityMeasure.Accuracy(test, half, seed: 1).Should().Equal(expected, expected, expected, expected);
    }

    [Fact]
    public void It_reports_four_columns_per_model_and_needs_only_the_models()
    {
        var design = new ExperimentDesign("mnist", ["flip_lr", "flip_ud"], ["lavae", "cvae_trad"], null, TinyTraining.Settings());

        Measure.MetricNames(design).Should().Equal(
            "lavae.identity.orig", "lavae.identity.aug1", "lavae.identity.aug2", "lavae.identity.compose",
            "cvae_trad.identity.orig", "cvae_trad.identity.aug1", "cvae_trad.identity.aug2", "cvae_trad.identity.compose");
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
