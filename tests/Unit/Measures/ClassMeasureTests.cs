using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Models;
using LaVae.Tests.Unit.Training;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Measures;

/// <summary>
/// The class measure on hand cases whose answers are known: a classifier that answers "ink on top" (0)
/// or "ink below" (1), one-pixel test digits, and decoded images chosen by hand.
/// </summary>
public sealed class ClassMeasureTests : IDisposable
{
    private static readonly string[] Flips = ["flip_lr", "flip_ud"];

    private readonly DigitClassifier classifier = TopOrBottomClassifier.Build();

    // Pixels at rows 5 (top), 20 (bottom), 6 (top); labelled 0, 1 and 7: the classifier is right on the first two.
    private readonly LabelledImages digits = new(TopOrBottomClassifier.OnePixelImages((5, 5), (20, 20), (6, 9)), tensor(new long[] { 0, 1, 7 }));

    private static readonly ClassMeasure Measure = (ClassMeasure)MeasureRegistry.Get("class");

    public void Dispose()
    {
        classifier.Dispose();
        digits.Dispose();
    }

    [Fact]
    public void The_classifier_answers_as_built_with_the_confidence_worked_out_by_hand()
    {
        using var scope = NewDisposeScope();
        var reading = ClassReading.Of(classifier, AlignedSets.ToModelInput(digits.Images));

        reading.Predicted.ToArray<long>().Should().Equal(0, 1, 0);
        reading.Confidence.to(ScalarType.Float64).ToArray<double>().Should().AllSatisfy(p => p.Should().BeApproximately(TopOrBottomClassifier.OnePixelConfidence, 1e-6));
    }

    [Fact]
    public void Accuracy_on_the_originals_counts_the_digits_read_as_their_label()
    {
        var (accuracy, confidence) = ClassMeasure.OnOriginals(classifier, digits);

        accuracy.Should().BeApproximately(2.0 / 3, 1e-12, "digits 1 and 2 are read right, digit 3 (label 7) is read as 0");
        confidence.Should().BeApproximately(TopOrBottomClassifier.OnePixelConfidence, 1e-6);
    }

    [Fact]
    public void A_flip_is_turned_back_before_reading_so_a_perfect_decoder_scores_the_originals_accuracy()
    {
        using var scope = NewDisposeScope();
        using var test = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(digits.Images, seed: 1);
        // A perfect model decodes exactly A_k(x0); flip_ud moves every pixel to the other half, so reading
        // it without turning it back would get digits 1 and 2 wrong.
        var perfect = Columns(set => batch => batch.Input(set));

        var results = ClassMeasure.OnDecoded(classifier, digits, test, Flips, perfect).Select(r => r.Agreement);

        results.Should().Equal(2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    }

    [Fact]
    public void A_decoder_that_ignores_the_augmentation_loses_the_class_once_the_flip_is_undone()
    {
        using var scope = NewDisposeScope();
        using var test = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(digits.Images, seed: 1);
        // Always decodes x0: after undoing flip_ud (aug2 and the composition) the ink is in the wrong half.
        var lazy = Columns(_ => batch => batch.Input(AugClass.Orig));

        var results = ClassMeasure.OnDecoded(classifier, digits, test, Flips, lazy).Select(r => r.Agreement);

        results.Should().Equal(2.0 / 3, 2.0 / 3, 0.0, 0.0);
    }

    [Fact]
    public void Without_an_exact_inverse_the_decoded_image_is_compared_with_the_classifiers_reading_of_the_true_one()
    {
        using var scope = NewDisposeScope();
        string[] pair = ["flip_ud", "gaussian_blur"];
        using var test = AugmentationRegistry.Pair(pair[0], pair[1]).Apply(digits.Images, seed: 1);
        // The blur keeps each pixel's ink in its half, so the true aug2 is read as x0 is: 0, 1, 0.
        var perfect = Columns(set => batch => batch.Input(set));
        var upsideDown = Columns(set => batch => batch.Input(set).flip(2));

        ClassMeasure.OnDecoded(classifier, digits, test, pair, perfect).Select(r => r.Agreement).Should().Equal(2.0 / 3, 2.0 / 3, 1.0, 1.0);
        ClassMeasure.OnDecoded(classifier, digits, test, pair, upsideDown).Select(r => r.Agreement).Should().Equal(
            0, 0, 0, 0);
    }

    [Fact]
    public void Metric_names_say_class_where_the_set_is_turned_back_and_class_agreement_where_not()
    {
        var flips = new ExperimentDesign("mnist", Flips, ["lavae", "cvae_trad"], null, TinyTraining.Settings());
        var mixed = flips with { Pair = ["flip_lr", "mini_image"], Models = ["lavae"] };

        Measure.MetricNames(flips).Should().Equal(
            "classifier.accuracy.test", "classifier.confidence.test",
            "lavae.class.orig", "lavae.confidence.orig", "lavae.class.aug1", "lavae.confidence.aug1",
            "lavae.class.aug2", "lavae.confidence.aug2", "lavae.class.compose", "lavae.confidence.compose",
            "cvae_trad.class.orig", "cvae_trad.confidence.orig", "cvae_trad.class.aug1", "cvae_trad.confidence.aug1",
            "cvae_trad.class.aug2", "cvae_trad.confidence.aug2", "cvae_trad.class.compose", "cvae_trad.confidence.compose");
        Measure.MetricNames(mixed).Where(name => name.StartsWith("lavae.class", StringComparison.Ordinal)).Should().Equal(
            "lavae.class.orig", "lavae.class.aug1", "lavae.class_agreement.aug2", "lavae.class_agreement.compose");
    }

    [Fact]
    public void It_needs_the_datasets_classifier_and_every_listed_model()
    {
        var design = new ExperimentDesign("fashion-mnist", Flips, ["lavae", "cvae_auginv"], null, TinyTraining.Settings());

        var needs = Measure.Needs(design, seed: 2).ToList();

        needs.Select(spec => (spec.Kind, spec.Dataset, spec.PairName, spec.Seed)).Should().Equal(
            ("classifier", "fashion-mnist", "", 2), ("lavae", "fashion-mnist", "flip_lr,flip_ud", 2), ("cvae_auginv", "fashion-mnist", "flip_lr,flip_ud", 2));
        Measure.Problem(design with { Pair = null }).Should().NotBeNull();
    }

    // The four Table I columns, each decoding the batch as the given function says for its target set.
    private static List<ErrorColumn> Columns(Func<AugClass, Func<EvaluationBatch, Tensor>> decode) =>
    [
        new("orig", AugClass.Orig, decode(AugClass.Orig)),
        new("aug1", AugClass.Aug1, decode(AugClass.Aug1)),
        new("aug2", AugClass.Aug2, decode(AugClass.Aug2)),
        new("compose", AugClass.Compose, decode(AugClass.Compose)),
    ];
}
