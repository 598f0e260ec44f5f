using LaVae.Torch;

namespace LaVae.Models;

/// <summary>
/// Cross-entropy for <see cref="DigitClassifier"/>, composed from the binding's ops (it has no
/// log-softmax of its own): log p = x − m − log Σ exp(x − m), with m the row maximum, held constant
/// so exp never overflows (the shift cancels, so its gradient would be zero anyway).
/// </summary>
public static class ClassifierObjective
{
    /// <summary>log softmax over the classes of logits (N, C).</summary>
    public static Tensor LogSoftmax(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var shifted = logits - logits.Max(1, keepDim: true).Detach();
        return shifted - shifted.Exp().Sum(1, keepDim: true).Log();
    }

    /// <summary>−Σ_i log p(y_i | x_i), summed over the batch; labels int64 (N) in 0..C−1.</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var classes = Tensor.Arange(0, logits.Size(1), device: logits.Device).Unsqueeze(0);
        var oneHot = labels.Unsqueeze(1).Eq(classes).To(logits.DType);
        return -(oneHot * LogSoftmax(logits)).Sum();
    }
}
