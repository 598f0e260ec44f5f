using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// What the harness's classifier reads in a batch of images: the most probable class and its
/// probability (how plausible an image of that class it finds them).
/// </summary>
public sealed record ClassReading(Tensor Predicted, Tensor Confidence)
{
    /// <summary>images (B, 1, 28, 28) in [0, 1] → predicted class int64 (B) and its softmax probability (B).</summary>
    public static ClassReading Of(DigitClassifier classifier, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var logProbabilities = ClassifierObjective.LogSoftmax(classifier.forward(images));
        return new ClassReading(logProbabilities.argmax(1), logProbabilities.amax([1]).exp());
    }
}
