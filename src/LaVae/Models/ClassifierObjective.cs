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
        var shifted = logits - logits.amax([1], keepdim: true).detach();
        return shifted - shifted.exp().sum(1, keepdim: true).log();
    }

    /// <summary>−Σ_i log p(y_i | x_i), summed over the batch; labels int64 (N) in 0..C−1.</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var classes = arange(0, logits.size(1), device: logits.device).unsqueeze(0);
        var oneHot = labels.unsqueeze(1).eq(classes).to(logits.dtype);
        return -(oneHot * LogSoftmax(logits)).sum();
    }
}
