using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>
/// t-SNE's input similarities, as scikit-learn's exact method computes them
/// (<c>_binary_search_perplexity</c>, <c>_joint_probabilities</c>): for each point a Gaussian
/// precision β found by bisection so that the entropy of p(j|i) ∝ exp(−β·dᵢⱼ²) is log(perplexity),
/// then pᵢⱼ = (p(j|i) + p(i|j)) / Σ, floored at float64's machine epsilon.
/// </summary>
public static class PerplexityCalibration
{
    /// <summary>scikit-learn's PERPLEXITY_TOLERANCE and n_steps.</summary>
    public const double EntropyTolerance = 1e-5;
    public const int Steps = 100;

    /// <summary>NumPy's float64 machine epsilon, scikit-learn's MACHINE_EPSILON.</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>How often the bisection asks the device whether every point has converged: the only host reads it makes.</summary>
    private const int ConvergenceCheckEvery = 10;

    /// <param name="squaredDistances">(N, N) squared euclidean distances.</param>
    /// <returns>(N, N) float64 conditional probabilities p(j|i) in row i, zero on the diagonal.</returns>
    public static Tensor Conditional(Tensor squaredDistances, double perplexity)
    {
        ArgumentNullException.ThrowIfNull(squaredDistances);
        using var scope = Engine.NewDisposeScope();
        var device = squaredDistances.Device;
        var n = squaredDistances.Size(0);
        // scikit-learn hands the bisection float32 distances (it computes in float64 from them).
        var distances = squaredDistances.To(DType.Float32).To(DType.Float64);
        var offDiagonal = PairwiseDistances.OffDiagonal(n, device);
        var desiredEntropy = Math.Log(perplexity);

        var beta = Tensor.Ones([n, 1], DType.Float64, device);
        var betaMin = Tensor.Full([n, 1], double.NegativeInfinity, DType.Float64, device);
        var betaMax = Tensor.Full([n, 1], double.PositiveInfinity, DType.Float64, device);
        var done = Tensor.Zeros([n, 1], DType.Bool, device);
        var conditional = Tensor.Zeros([n, n], DType.Float64, device);
        for (var step = 0; step < Steps; step++)
        {
            using var stepScope = Engine.NewDisposeScope();
            var p = (-distances * beta).Exp() * offDiagonal;
            var sum = p.Sum(1, keepDim: true);
            sum = Tensor.Where(sum.Eq(0.0), Tensor.Full([n, 1], 1e-8, DType.Float64, device), sum);
            p /= sum;
            var entropy = sum.Log() + (beta * (distances * p).Sum(1, keepDim: true));
            var difference = entropy - desiredEntropy;

            // A point keeps the p of the step where it converged (scikit-learn breaks out of its loop there).
            Replace(ref conditional, Tensor.Where(done, conditional, p));
            Replace(ref done, done.LogicalOr(difference.Abs().Le(EntropyTolerance)));

            var tooFlat = difference.Gt(0.0); // entropy too high: sharpen, β up
            var raised = Tensor.Where(betaMax.Eq(double.PositiveInfinity), beta * 2.0, (beta + betaMax) / 2.0);
            var lowered = Tensor.Where(betaMin.Eq(double.NegativeInfinity), beta / 2.0, (beta + betaMin) / 2.0);
            var moving = done.LogicalNot();
            Replace(ref betaMin, Tensor.Where(moving.LogicalAnd(tooFlat), beta, betaMin));
            Replace(ref betaMax, Tensor.Where(moving.LogicalAnd(tooFlat.LogicalNot()), beta, betaMax));
            Replace(ref beta, Tensor.Where(moving, Tensor.Where(tooFlat, raised, lowered), beta));

            if ((step + 1) % ConvergenceCheckEvery == 0 && moving.Sum().Item() == 0)
            {
                break;
            }
        }

        return conditional.MoveToOuterScope();
    }

    /// <summary>Keeps <paramref name="next"/> (made in an inner scope) past that scope and frees the tensor it replaces.</summary>
    private static void Replace(ref Tensor current, Tensor next)
    {
        var old = current;
        current = next.MoveToOuterScope();
        old.Dispose();
    }

    /// <returns>(N, N) float64 joint probabilities pᵢⱼ, symmetric, zero on the diagonal, summing to 1 (up to the floor).</returns>
    public static Tensor Joint(Tensor squaredDistances, double perplexity)
    {
        using var scope = Engine.NewDisposeScope();
        var conditional = Conditional(squaredDistances, perplexity);
        var symmetric = conditional + conditional.T;
        var total = Math.Max(symmetric.Sum().Item(), MachineEpsilon);
        var offDiagonal = PairwiseDistances.OffDiagonal(symmetric.Size(0), symmetric.Device);
        return ((symmetric / total).Clamp(min: MachineEpsilon) * offDiagonal).MoveToOuterScope();
    }
}
