namespace LaVae.Torch.Optimizers;

/// <summary>Adam as torch.optim.Adam (no weight decay, no amsgrad): s ← β2·s + (1−β2)·g².</summary>
public sealed class Adam(IReadOnlyList<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    : AdaptiveMomentOptimizer(parameters, learningRate, beta1, beta2, epsilon)
{
    private static readonly string[] Names = ["exp_avg", "exp_avg_sq"];

    protected override IReadOnlyList<string> MomentNames => Names;

    protected override void UpdateSecondMoment(Tensor s, Tensor grad, Tensor m)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.mul_(Beta2).addcmul_(grad, grad, 1 - Beta2);
    }
}
