namespace LaVae.Torch.Optimizers;

/// <summary>
/// AdaBelief as adabelief_pytorch 0.2 runs it with the paper's code settings (eps 1e-16,
/// betas 0.9/0.999, weight_decouple=False, rectify=False, no weight decay, no amsgrad):
/// m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·(g−m)²;  s ← s + ε  (the library adds ε into the
/// stored state every step);  p ← p − (lr / (1−β1ᵗ)) · m / (√s / √(1−β2ᵗ) + ε).
/// </summary>
public sealed class AdaBelief : Optimizer
{
    private static readonly string[] Names = ["exp_avg", "exp_avg_var"];

    public AdaBelief(IReadOnlyList<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-16)
        : base(parameters, momentsPerParameter: 2)
    {
        (LearningRate, Beta1, Beta2, Epsilon) = (learningRate, beta1, beta2, epsilon);
    }

    public double LearningRate { get; }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    protected override IReadOnlyList<string> MomentNames => Names;

    protected override void Update(Tensor parameter, Tensor grad, Tensor[] moments, long step)
    {
        var (m, s) = (moments[0], moments[1]);
        m.MulInPlace(Beta1).AddInPlace(grad, 1 - Beta1);
        var residual = grad - m;
        s.MulInPlace(Beta2).AddcmulInPlace(residual, residual, 1 - Beta2);
        var biasCorrection1 = 1 - Math.Pow(Beta1, step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, step);
        var denominator = (s.AddInPlace(Epsilon).Sqrt() / Math.Sqrt(biasCorrection2)) + Epsilon;
        parameter.AddcdivInPlace(m, denominator, -LearningRate / biasCorrection1);
    }
}
