using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>The classes the harness's classifier predicts for a set of images, and the share it gets right.</summary>
public static class ClassifierPredictions
{
    /// <summary>The most probable class (the largest logit) of each image; <paramref name="images"/> (N, 1, 28, 28) in [0, 1].</summary>
    public static long[] Of(DigitClassifier classifier, Tensor images, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(images);
        using var noGrad = no_grad();
        var predicted = new List<long>();
        for (long start = 0; start < images.size(0); start += batchSize)
        {
            using var scope = NewDisposeScope();
            var batch = images.narrow(0, start, Math.Min(batchSize, images.size(0) - start));
            predicted.AddRange(classifier.forward(batch).argmax(1).ToArray<long>());
        }

        return [.. predicted];
    }

    /// <summary>The predictions for uint8 images (N, 28, 28), read as the models read them (pixel/255).</summary>
    public static long[] OfPixels(DigitClassifier classifier, Tensor pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        using var scope = NewDisposeScope();
        return Of(classifier, AlignedSets.ToModelInput(pixels));
    }

    /// <summary>The share of <paramref name="predicted"/> equal to <paramref name="labels"/>.</summary>
    public static double Accuracy(IReadOnlyList<long> predicted, IReadOnlyList<long> labels)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        if (predicted.Count != labels.Count || labels.Count == 0)
        {
            throw new ArgumentException($"need as many predictions as labels, and at least one: {predicted.Count} and {labels.Count}");
        }

        return predicted.Zip(labels).Count(pair => pair.First == pair.Second) / (double)labels.Count;
    }
}
