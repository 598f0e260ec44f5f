namespace LaVae.Torch.Optimizers;

/// <summary>
/// Adam as torch.optim.Adam (no weight decay, no amsgrad):
/// m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;
/// p ← p − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε).
/// </summary>
public sealed class Adam : Optimizer
{
    private static readonly string[] Names = ["exp_avg", "exp_avg_sq"];

    public Adam(IReadOnlyList<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
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
        var (m, v) = (moments[0], moments[1]);
        m.MulInPlace(Beta1).AddInPlace(grad, 1 - Beta1);
        v.MulInPlace(Beta2).AddcmulInPlace(grad, grad, 1 - Beta2);
        var biasCorrection1 = 1 - Math.Pow(Beta1, step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, step);
        var denominator = (v.Sqrt() / Math.Sqrt(biasCorrection2)) + Epsilon;
        parameter.AddcdivInPlace(m, denominator, -LearningRate / biasCorrection1);
    }
}
