using LaVae.Artifacts;
using LaVae.Artifacts.Kinds;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// Downstream value of augmentations (issue 12, part 3): the harness's classifier trained on a small
/// labelled subset with each source of augmented images — (a) none, (b) the pair's image
/// augmentations, (c) LAVAE's latent augmentations, (d) latent navigation — scored on the plain test
/// digits and on the pair's augmented test digits (A1, A2 and the composition of each, with the
/// digit's label), as <c>&lt;source&gt;.accuracy.&lt;plain|augmented&gt;</c>.
/// </summary>
internal sealed class DownstreamMeasure : IMeasure
{
    /// <summary>The sources as metric rows name them, in the order (a)-(d), with their kinds.</summary>
    public static readonly IReadOnlyList<(string Row, string Kind)> Sources =
    [
        ("plain", "downstream_classifier_plain"),
        ("image_aug", "downstream_classifier_image_aug"),
        ("latent_aug", "downstream_classifier_latent_aug"),
        ("latent_nav", "downstream_classifier_latent_nav"),
    ];

    public static readonly string[] Columns = ["plain", "augmented"];

    public string Name => "downstream";

    public string? Problem(ExperimentDesign design) =>
        design?.Pair is null ? "'downstream' trains classifiers with the augmentations of one 'pair'; declare it" : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        from source in Sources
        from column in Columns
        select $"{source.Row}.accuracy.{column}";

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) => Sources.Select(source => Spec(design, source.Kind, seed));

    /// <summary>The classifier of one source: (a) reads no pair; (c) and (d) read the pair's latent space.</summary>
    public static ArtifactSpec Spec(ExperimentDesign design, string kind, int seed)
    {
        ArgumentNullException.ThrowIfNull(design);
        var pair = design.Pair ?? throw new InvalidOperationException("this experiment declares no single pair");
        var of = (DownstreamClassifierKind)ModelKinds.Get(kind);
        return new ArtifactSpec(
            kind, design.Dataset, of.TrainsOnPair ? design.Defined(pair) : ArtifactSpec.NoPair, seed, design.Settings, of.NeedsSource ? design.LatentSpace(pair, seed) : null);
    }

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(artifacts);
        var pairSpec = design.Model("lavae", seed);
        var digits = artifacts.TestDigits(pairSpec);
        var test = artifacts.TestSets(pairSpec);
        var labels = digits.Labels.ToArray<long>();
        long[] augmentedLabels = [.. labels, .. labels, .. labels];
        using var augmented = cat([test[AugClass.Aug1], test[AugClass.Aug2], test[AugClass.Compose]]);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (row, kind) in Sources)
        {
            var classifier = (DigitClassifier)artifacts.Get(artifacts.Node(Spec(design, kind, seed)));
            metrics[$"{row}.accuracy.plain"] = ClassifierPredictions.Accuracy(ClassifierPredictions.OfPixels(classifier, digits.Images), labels);
            metrics[$"{row}.accuracy.augmented"] = ClassifierPredictions.Accuracy(ClassifierPredictions.OfPixels(classifier, augmented), augmentedLabels);
        }

        return metrics;
    }
}
