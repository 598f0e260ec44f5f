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
        using var scope = NewDisposeScope();
        var device = squaredDistances.device;
        var n = squaredDistances.size(0);
        // scikit-learn hands the bisection float32 distances (it computes in float64 from them).
        var distances = squaredDistances.to(ScalarType.Float32).to(ScalarType.Float64);
        var offDiagonal = PairwiseDistances.OffDiagonal(n, device);
        var desiredEntropy = Math.Log(perplexity);

        var beta = ones([n, 1], ScalarType.Float64, device);
        var betaMin = full([n, 1], double.NegativeInfinity, ScalarType.Float64, device);
        var betaMax = full([n, 1], double.PositiveInfinity, ScalarType.Float64, device);
        var done = zeros([n, 1], ScalarType.Bool, device);
        var conditional = zeros([n, n], ScalarType.Float64, device);
        for (var step = 0; step < Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var p = (-distances * beta).exp() * offDiagonal;
            var sum = p.sum(1, keepdim: true);
            sum = where(sum.eq(0.0), full([n, 1], 1e-8, ScalarType.Float64, device), sum);
            p /= sum;
            var entropy = sum.log() + (beta * (distances * p).sum(1, keepdim: true));
            var difference = entropy - desiredEntropy;

            // A point keeps the p of the step where it converged (scikit-learn breaks out of its loop there).
            Replace(ref conditional, where(done, conditional, p));
            Replace(ref done, done.logical_or(difference.abs().le(EntropyTolerance)));

            var tooFlat = difference.gt(0.0); // entropy too high: sharpen, β up
            var raised = where(betaMax.eq(double.PositiveInfinity), beta * 2.0, (beta + betaMax) / 2.0);
            var lowered = where(betaMin.eq(double.NegativeInfinity), beta / 2.0, (beta + betaMin) / 2.0);
            var moving = done.logical_not();
            Replace(ref betaMin, where(moving.logical_and(tooFlat), beta, betaMin));
            Replace(ref betaMax, where(moving.logical_and(tooFlat.logical_not()), beta, betaMax));
            Replace(ref beta, where(moving, where(tooFlat, raised, lowered), beta));

            if ((step + 1) % ConvergenceCheckEvery == 0 && moving.sum().ToDouble() == 0)
            {
                break;
            }
        }

        return conditional.MoveToOuterDisposeScope();
    }

    /// <summary>Keeps <paramref name="next"/> (made in an inner scope) past that scope and frees the tensor it replaces.</summary>
    private static void Replace(ref Tensor current, Tensor next)
    {
        var old = current;
        current = next.MoveToOuterDisposeScope();
        old.Dispose();
    }

    /// <returns>(N, N) float64 joint probabilities pᵢⱼ, symmetric, zero on the diagonal, summing to 1 (up to the floor).</returns>
    public static Tensor Joint(Tensor squaredDistances, double perplexity)
    {
        using var scope = NewDisposeScope();
        var conditional = Conditional(squaredDistances, perplexity);
        var symmetric = conditional + conditional.T;
        var total = Math.Max(symmetric.sum().ToDouble(), MachineEpsilon);
        var offDiagonal = PairwiseDistances.OffDiagonal(symmetric.size(0), symmetric.device);
        return ((symmetric / total).clamp(min: MachineEpsilon) * offDiagonal).MoveToOuterDisposeScope();
    }
}
