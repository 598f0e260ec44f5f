namespace LaVae.Torch.Optimizers;

/// <summary>
/// AdaBelief as adabelief_pytorch 0.2 runs it with the paper's code settings (eps 1e-16,
/// betas 0.9/0.999, weight_decouple=False, rectify=False, no weight decay, no amsgrad):
/// s ← β2·s + (1−β2)·(g−m)², then s ← s + ε — the library adds ε into the stored state every step.
/// </summary>
public sealed class AdaBelief(IReadOnlyList<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-16)
    : AdaptiveMomentOptimizer(parameters, learningRate, beta1, beta2, epsilon)
{
    private static readonly string[] Names = ["exp_avg", "exp_avg_var"];

    protected override IReadOnlyList<string> MomentNames => Names;

    protected override void UpdateSecondMoment(Tensor s, Tensor grad, Tensor m)
    {
        ArgumentNullException.ThrowIfNull(s);
        var residual = grad - m;
        s.mul_(Beta2).addcmul_(residual, residual, 1 - Beta2).add_(Epsilon);
    }
}
