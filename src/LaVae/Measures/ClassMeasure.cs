using LaVae.Artifacts;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// CVAE entanglement with labels (Fig. 8, 9): the harness's classifier (an artifact of its own, trained
/// on the dataset's training originals) reads every listed model's decoded images of the test digits.
/// Where the column's augmentations have exact inverses (flips, quarter turns; <see cref="Deaugmentation"/>)
/// the decoded image is first turned back, and <c>&lt;model&gt;.class.&lt;column&gt;</c> is the fraction read as
/// the digit's true label. Where they do not, the decoded image is read as it is and
/// <c>&lt;model&gt;.class_agreement.&lt;column&gt;</c> is the fraction read as the classifier reads the true
/// A_k(x0): a classifier of upright originals has no ground truth for a Canny edge map, only its own
/// reading. <c>&lt;model&gt;.confidence.&lt;column&gt;</c> is the mean probability of the class read (how plausible
/// an image of some class it is). <c>classifier.accuracy.test</c> and <c>classifier.confidence.test</c> are
/// the classifier's own on the test originals.
/// </summary>
internal sealed class ClassMeasure : IMeasure
{
    public static readonly AugClass[] Sets = [AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose];

    public const string Accuracy = "classifier.accuracy.test";

    public const string Confidence = "classifier.confidence.test";

    private const int BatchSize = 500;

    public string Name => "class";

    public string? Problem(ExperimentDesign design) =>
        design.Pair is null || design.Models.Count == 0 ? "'class' measures the listed 'models' on one 'pair'; declare both" : null;

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
    [
        Accuracy,
        Confidence,
        .. from model in design.Models
           from set in Sets
           from metric in new[] { Agreement(design.Pair!, set), "confidence" }
           select $"{model}.{metric}.{ColumnName(set)}",
    ];

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed) =>
        [design.Classifier(seed), .. design.Models.Select(model => design.Model(model, seed))];

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var classifierSpec = design.Classifier(seed);
        var classifier = (DigitClassifier)artifacts.Get(artifacts.Node(classifierSpec));
        var digits = artifacts.TestDigits(classifierSpec);
        var (accuracy, confidence) = OnOriginals(classifier, digits);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { [Accuracy] = accuracy, [Confidence] = confidence };
        foreach (var model in design.Models)
        {
            var node = artifacts.Node(design.Model(model, seed));
            var columns = artifacts.Columns(node).Where(column => Sets.Any(set => column.Name == ColumnName(set))).ToList();
            var readings = OnDecoded(classifier, digits, artifacts.TestSets(node.Spec), design.Pair!, columns);
            foreach (var (column, (agreement, meanConfidence)) in columns.Zip(readings))
            {
                metrics[$"{model}.{Agreement(design.Pair!, column.Target)}.{column.Name}"] = agreement;
                metrics[$"{model}.confidence.{column.Name}"] = meanConfidence;
            }
        }

        return metrics;
    }

    /// <summary>"class" where the set can be turned back exactly and read against the true labels, else "class_agreement".</summary>
    public static string Agreement(IReadOnlyList<string> pair, AugClass set) => Deaugmentation.IsExact(pair, set) ? "class" : "class_agreement";

    /// <summary>The classifier's accuracy and mean confidence on the test originals themselves.</summary>
    public static (double Accuracy, double Confidence) OnOriginals(DigitClassifier classifier, LabelledImages digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        using var noGrad = no_grad();
        using var outer = NewDisposeScope();
        var device = digits.Images.device;
        var (correct, confidence) = (zeros([], ScalarType.Float64, device), zeros([], ScalarType.Float64, device));
        for (long start = 0; start < digits.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var indices = arange(start, Math.Min(start + BatchSize, digits.Count), device: device);
            var reading = ClassReading.Of(classifier, digits.Batch(indices));
            correct.add_(reading.Predicted.eq(digits.LabelsOf(indices)).to(ScalarType.Float64).sum());
            confidence.add_(reading.Confidence.to(ScalarType.Float64).sum());
        }

        return (correct.ToDouble() / digits.Count, confidence.ToDouble() / digits.Count);
    }

    /// <summary>
    /// Per column: the fraction of test digits whose decoded image (turned back where exact) the classifier
    /// reads as the reference class (the label where exact, else its reading of the true image), and the
    /// mean probability of the class it reads.
    /// </summary>
    public static IReadOnlyList<(double Agreement, double Confidence)> OnDecoded(
        DigitClassifier classifier, LabelledImages digits, AlignedSets test, IReadOnlyList<string> pair, IReadOnlyList<ErrorColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(columns);
        if (digits.Count != test.Count)
        {
            throw new ArgumentException($"{digits.Count} labelled test digits do not line up with {test.Count} aligned test digits");
        }

        using var noGrad = no_grad();
        using var outer = NewDisposeScope();
        var device = test.Orig.device;
        var agreed = columns.Select(_ => zeros([], ScalarType.Float64, device)).ToList();
        var confidence = columns.Select(_ => zeros([], ScalarType.Float64, device)).ToList();
        for (long start = 0; start < test.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var indices = arange(start, Math.Min(start + BatchSize, test.Count), device: device);
            var batch = new EvaluationBatch(test, indices);
            for (var c = 0; c < columns.Count; c++)
            {
                var verdict = ClassVerdict.Judge(classifier, digits, batch, pair, columns[c]);
                agreed[c].add_(verdict.Agrees.to(ScalarType.Float64).sum());
                confidence[c].add_(verdict.Reading.Confidence.to(ScalarType.Float64).sum());
            }
        }

        return agreed.Zip(confidence, (a, p) => (a.ToDouble() / test.Count, p.ToDouble() / test.Count)).ToList();
    }

    private static string ColumnName(AugClass set) => set switch
    {
        AugClass.Orig => "orig",
        AugClass.Aug1 => "aug1",
        AugClass.Aug2 => "aug2",
        _ => "compose",
    };
}
