using LaVae.Artifacts;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Measures;

/// <summary>
/// Fashion-MNIST swaps (issue 12, part 2): for every encoder/decoder combination of
/// <see cref="DatasetSwaps"/>, the per-image summed BCE and squared error of decode_B(μ_A(x)) against x
/// on the test images of the encoder's dataset (<c>encoder_set</c>: how much of the input survives the
/// other decoder) and of the decoder's dataset (<c>decoder_set</c>: how well the decoder's own images
/// come back through the other encoder, what fine-tuning improves), as
/// <c>enc_&lt;A&gt;_dec_&lt;B&gt;[_ft&lt;N&gt;].&lt;bce|sse&gt;.&lt;encoder_set|decoder_set&gt;</c>. The class
/// mapping reads the decoded images with the decoder's dataset's classifier (the harness's, one per
/// dataset): <c>.class.mapping</c> is the share of encoder-set images of class i decoded to an image of
/// class i (digit i → garment i), <c>.class.chance</c> the share predictions blind to the input would
/// reach with the same class frequencies, <c>.class.decoder_set</c> the classifier's accuracy on the
/// decoder-set images after the round trip; <c>&lt;dataset&gt;_classifier.class.test</c> is each
/// classifier's accuracy on its own test images.
/// </summary>
internal sealed class DatasetSwapsMeasure : IMeasure
{
    public static readonly string[] Columns = ["encoder_set", "decoder_set"];

    public string Name => "dataset_swaps";

    public string? Problem(ExperimentDesign design) => null;

    public static readonly string[] ClassColumns = ["mapping", "chance", "decoder_set"];

    public IEnumerable<string> MetricNames(ExperimentDesign design) =>
        (from combination in DatasetSwaps.Combinations()
         from measure in new[] { "bce", "sse" }
         from column in Columns
         select $"{combination.Row}.{measure}.{column}")
        .Concat(
            from combination in DatasetSwaps.Combinations()
            from column in ClassColumns
            select $"{combination.Row}.class.{column}")
        .Concat(DatasetSwaps.Datasets.Select(d => $"{d.Short}_classifier.class.test"));

    /// <summary>The classes <paramref name="judge"/> reads in decode(μ(x)) of each image.</summary>
    private static long[] Read(DigitClassifier judge, ConvEncoder encoder, ConvDecoder decoder, Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return ClassifierPredictions.Of(judge, SwappedReconstruction.Decode(encoder, decoder, images));
    }

    public IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed)
    {
        ArgumentNullException.ThrowIfNull(design);
        return DatasetSwaps.Needs(design.Settings, seed);
    }

    public IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(artifacts);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var test = DatasetSwaps.Datasets.ToDictionary(d => d.Dataset, d => artifacts.TestDigits(DatasetSwaps.Vae(d.Dataset, design.Settings, seed)));
        var classifiers = DatasetSwaps.Datasets.ToDictionary(
            d => d.Dataset, d => (DigitClassifier)artifacts.Get(artifacts.Node(DatasetSwaps.Classifier(d.Dataset, design.Settings, seed))));
        foreach (var (dataset, name) in DatasetSwaps.Datasets)
        {
            var predicted = ClassifierPredictions.OfPixels(classifiers[dataset], test[dataset].Images);
            metrics[$"{name}_classifier.class.test"] = ClassifierPredictions.Accuracy(predicted, test[dataset].Labels.ToArray<long>());
        }

        foreach (var combination in DatasetSwaps.Combinations())
        {
            var (encoder, decoder) = DatasetSwaps.Modules(combination, design.Settings, seed, artifacts);
            foreach (var (column, dataset) in new[] { ("encoder_set", combination.EncoderDataset), ("decoder_set", combination.DecoderDataset) })
            {
                var images = artifacts.TestDigits(DatasetSwaps.Vae(dataset, design.Settings, seed)).Images;
                var (bce, sse) = SwappedReconstruction.Errors(encoder, decoder, images);
                metrics[$"{combination.Row}.bce.{column}"] = bce;
                metrics[$"{combination.Row}.sse.{column}"] = sse;
            }

            var judge = classifiers[combination.DecoderDataset];
            var mapping = new ClassMapping(
                test[combination.EncoderDataset].Labels.ToArray<long>(), Read(judge, encoder, decoder, test[combination.EncoderDataset].Images), DigitClassifier.Classes);
            metrics[$"{combination.Row}.class.mapping"] = mapping.Diagonal;
            metrics[$"{combination.Row}.class.chance"] = mapping.Chance;
            metrics[$"{combination.Row}.class.decoder_set"] = ClassifierPredictions.Accuracy(
                Read(judge, encoder, decoder, test[combination.DecoderDataset].Images), test[combination.DecoderDataset].Labels.ToArray<long>());
        }

        return metrics;
    }
}
