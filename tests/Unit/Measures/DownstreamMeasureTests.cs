using LaVae.Artifacts;
using LaVae.Evaluation;
using LaVae.Measures;
using LaVae.Tests.Unit.Training;

namespace LaVae.Tests.Unit.Measures;

/// <summary>The downstream classifiers' parts and metric names, and accuracy against a count by hand.</summary>
public class DownstreamMeasureTests
{
    private static readonly string[] Flips = ["flip_lr", "flip_ud"];
    private static readonly IMeasure Measure = MeasureRegistry.Get("downstream");

    private static ExperimentDesign Design() => new("mnist", Flips, Models: [], Transfer: null, TinyTraining.Settings());

    [Fact]
    public void Each_source_has_its_classifier_and_only_the_latent_ones_read_the_pairs_latent_space()
    {
        var design = Design();

        var needs = Measure.Needs(design, seed: 3).ToList();

        var space = new ArtifactSpec("lavae", "mnist", Flips, 3, design.Settings);
        needs.Select(spec => (spec.Kind, spec.PairName, spec.Source)).Should().Equal(
            ("downstream_classifier_plain", "", null),
            ("downstream_classifier_image_aug", "flip_lr,flip_ud", null),
            ("downstream_classifier_latent_aug", "flip_lr,flip_ud", space),
            ("downstream_classifier_latent_nav", "flip_lr,flip_ud", space));
        needs.Select(spec => ArtifactKey.Compute(spec, "cpu")).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void It_reports_plain_and_augmented_accuracy_per_source_and_needs_a_pair()
    {
        Measure.MetricNames(Design()).Should().Equal(
            "plain.accuracy.plain", "plain.accuracy.augmented", "image_aug.accuracy.plain", "image_aug.accuracy.augmented",
            "latent_aug.accuracy.plain", "latent_aug.accuracy.augmented", "latent_nav.accuracy.plain", "latent_nav.accuracy.augmented");
        Measure.Problem(Design() with { Pair = null }).Should().NotBeNull();
        Measure.Problem(Design()).Should().BeNull();
    }

    [Fact]
    public void Accuracy_is_the_share_of_predictions_equal_to_their_labels()
    {
        ClassifierPredictions.Accuracy([1, 2, 3, 4, 5], [1, 0, 3, 0, 5]).Should().Be(0.6);
        ClassifierPredictions.Accuracy([7], [7]).Should().Be(1);
        var act = () => ClassifierPredictions.Accuracy([1, 2], [1]);
        act.Should().Throw<ArgumentException>();
    }
}
