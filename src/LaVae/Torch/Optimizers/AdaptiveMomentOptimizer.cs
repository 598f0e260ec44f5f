namespace LaVae.Torch.Optimizers;

/// <summary>
/// The update Adam and AdaBelief share (PyTorch's arithmetic order):
/// m ← β1·m + (1−β1)·g;  s ← the subclass's second moment;
/// p ← p − (lr / (1−β1ᵗ)) · m / (√s / √(1−β2ᵗ) + ε).
/// </summary>
public abstract class AdaptiveMomentOptimizer : Optimizer
{
    protected AdaptiveMomentOptimizer(IReadOnlyList<Tensor> parameters, double learningRate, double beta1, double beta2, double epsilon)
        : base(parameters, momentsPerParameter: 2)
    {
        (LearningRate, Beta1, Beta2, Epsilon) = (learningRate, beta1, beta2, epsilon);
    }

    public double LearningRate { get; }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    protected sealed override void Update(Tensor parameter, Tensor grad, Tensor[] moments, long step)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(moments);
        var (m, s) = (moments[0], moments[1]);
        m.mul_(Beta1).add_(grad, alpha: 1 - Beta1);
        UpdateSecondMoment(s, grad, m);
        var biasCorrection1 = 1 - Math.Pow(Beta1, step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, step);
        var denominator = s.sqrt().div_(Math.Sqrt(biasCorrection2)).add_(Epsilon); // in place: one buffer, not three
        parameter.addcdiv_(m, denominator, -LearningRate / biasCorrection1);
    }

    /// <summary>Updates s in place, given the gradient and the already updated first moment m.</summary>
    protected abstract void UpdateSecondMoment(Tensor s, Tensor grad, Tensor m);
}
