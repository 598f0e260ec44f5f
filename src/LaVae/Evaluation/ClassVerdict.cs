using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// The class verdict on one column's decoded images of a batch of test digits: what the classifier
/// reads in them, turned back first where the column's augmentations have exact inverses
/// (<see cref="Deaugmentation"/>), and whether that is the reference class: the digit's label where
/// turned back, else the classifier's own reading of the true augmented image.
/// </summary>
public sealed record ClassVerdict(ClassReading Reading, Tensor Agrees)
{
    public static ClassVerdict Judge(DigitClassifier classifier, LabelledImages digits, EvaluationBatch batch, IReadOnlyList<string> pair, ErrorColumn column)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(column);
        var decoded = column.Compute(batch);
        if (Deaugmentation.IsExact(pair, column.Target))
        {
            var reading = ClassReading.Of(classifier, Deaugmentation.Undo(decoded, pair, column.Target));
            return new ClassVerdict(reading, reading.Predicted.eq(digits.LabelsOf(batch.Indices)));
        }

        var asIs = ClassReading.Of(classifier, decoded);
        return new ClassVerdict(asIs, asIs.Predicted.eq(ClassReading.Of(classifier, batch.Input(column.Target)).Predicted));
    }
}
