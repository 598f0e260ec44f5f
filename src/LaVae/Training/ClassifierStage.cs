using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>The digit classifier's one stage: supervised on the training originals and their labels.</summary>
public static class ClassifierStage
{
    /// <summary>Cross-entropy of the batch's images against their labels, summed over the batch.</summary>
    public static StageLoss Supervised(DigitClassifier model, LabelledImages digits, Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(digits);
        return StageLoss.Single("cross_entropy", ClassifierObjective.CrossEntropy(model.forward(digits.Batch(indices)), digits.LabelsOf(indices)));
    }
}
