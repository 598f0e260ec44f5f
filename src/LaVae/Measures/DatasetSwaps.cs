using LaVae.Artifacts;
using LaVae.Artifacts.Kinds;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Measures;

/// <summary>
/// The parts of the Fashion-MNIST swaps (issue 12, part 2), shared by their measure and figure: a plain
/// VAE (the paper's architecture) per dataset on its originals alone, and for each ordered pair of
/// different datasets (A, B) the decoder of B's VAE fine-tuned to A's encoder on 100 and 1,000 of B's
/// training images. A row is named by its encoder's and decoder's datasets: enc_mnist_dec_fashion is
/// x → decode_fashion(μ_mnist(x)).
/// </summary>
public static class DatasetSwaps
{
    /// <summary>The datasets swapped, by the name metrics use for each.</summary>
    public static readonly IReadOnlyList<(string Dataset, string Short)> Datasets = [("mnist", "mnist"), ("fashion-mnist", "fashion")];

    /// <summary>Target images the swapped decoder is fine-tuned on (one kind per count).</summary>
    public static readonly IReadOnlyList<int> FinetuneImages = [100, 1000];

    public static ArtifactSpec Vae(string dataset, TrainingSettings settings, int seed) => new("vae", dataset, ArtifactSpec.NoPair, seed, settings);

    /// <summary>The harness's classifier of a dataset: the judge of where a swap sends each class.</summary>
    public static ArtifactSpec Classifier(string dataset, TrainingSettings settings, int seed) => new("classifier", dataset, ArtifactSpec.NoPair, seed, settings);

    public static ArtifactSpec Finetuned(string encoderDataset, string decoderDataset, int images, TrainingSettings settings, int seed) =>
        FinetunedDecoderKind.Spec(images, Vae(encoderDataset, settings, seed), Vae(decoderDataset, settings, seed));

    public static string Row(string encoderShort, string decoderShort, int? finetuned = null) =>
        $"enc_{encoderShort}_dec_{decoderShort}{(finetuned is { } n ? $"_ft{n}" : "")}";

    /// <summary>Every part the swaps read for one seed.</summary>
    public static IEnumerable<ArtifactSpec> Needs(TrainingSettings settings, int seed) =>
        Datasets.Select(d => Vae(d.Dataset, settings, seed))
        .Concat(Datasets.Select(d => Classifier(d.Dataset, settings, seed)))
        .Concat(
            from a in Datasets
            from b in Datasets
            where a.Dataset != b.Dataset
            from images in FinetuneImages
            select Finetuned(a.Dataset, b.Dataset, images, settings, seed));

    /// <summary>Every encoder/decoder combination: the four plain swaps, then each cross swap's fine-tuned decoders.</summary>
    public static IEnumerable<Combination> Combinations() =>
        from a in Datasets
        from b in Datasets
        from images in a.Dataset == b.Dataset ? [(int?)null] : FinetuneImages.Select(n => (int?)n).Prepend(null)
        select new Combination(a.Dataset, a.Short, b.Dataset, b.Short, images);

    /// <summary>The encoder and decoder of a combination, trained first if missing.</summary>
    public static (ConvEncoder Encoder, ConvDecoder Decoder) Modules(Combination combination, TrainingSettings settings, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(combination);
        ArgumentNullException.ThrowIfNull(artifacts);
        var encoder = ((PlainVae)artifacts.Get(artifacts.Node(Vae(combination.EncoderDataset, settings, seed)))).Encoder;
        var decoder = combination.FinetuneImages is { } images
            ? (ConvDecoder)artifacts.Get(artifacts.Node(Finetuned(combination.EncoderDataset, combination.DecoderDataset, images, settings, seed)))
            : ((PlainVae)artifacts.Get(artifacts.Node(Vae(combination.DecoderDataset, settings, seed)))).Decoder;
        return (encoder, decoder);
    }

    /// <summary>One row: encoder of A's VAE, decoder of B's (fine-tuned on N of B's images, or not).</summary>
    public sealed record Combination(string EncoderDataset, string EncoderShort, string DecoderDataset, string DecoderShort, int? FinetuneImages)
    {
        public string Row => DatasetSwaps.Row(EncoderShort, DecoderShort, FinetuneImages);
    }
}
