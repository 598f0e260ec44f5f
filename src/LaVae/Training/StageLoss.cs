namespace LaVae.Training;

/// <summary>
/// One batch's loss as a stage descends it (<see cref="Total"/>, summed over the batch) and the terms
/// it is made of, each summed over the batch before its weight, which the training curves record
/// (<see cref="TrainingCurves"/>): the total of stage 1 is <c>bce + kl_weight·kl</c>, its terms are
/// <c>bce</c> and <c>kl</c>.
/// </summary>
public sealed record StageLoss(Tensor Total, IReadOnlyList<LossTerm> Terms)
{
    /// <summary>A loss that is a single term (a classifier's cross-entropy, a head's BCE).</summary>
    public static StageLoss Single(string term, Tensor total) => new(total, [new LossTerm(term, total)]);
}

/// <summary>A named term of a <see cref="StageLoss"/>: a scalar tensor, on the loss's device.</summary>
public readonly record struct LossTerm(string Name, Tensor Value);
