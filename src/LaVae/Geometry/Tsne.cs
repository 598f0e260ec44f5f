using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>
/// Exact t-SNE as scikit-learn 1.2 runs it (<c>TSNE(method="exact", init="pca",
/// learning_rate="auto")</c>): joint P from <see cref="PerplexityCalibration"/>; Student-t Q with one
/// degree of freedom; gradient descent with momentum and per-coordinate gains, first with P
/// exaggerated (momentum 0.5), then without (momentum 0.8), the gains and velocity restarting
/// between the two, as scikit-learn's two <c>_gradient_descent</c> calls do. Whole-matrix tensor
/// code on the input's device, in float64 (scikit-learn keeps the embedding in float32).
/// </summary>
public static class Tsne
{
    /// <summary>scikit-learn's <c>_EXPLORATION_N_ITER</c>, <c>_N_ITER_CHECK</c>, min_gain and min_grad_norm.</summary>
    public const int ExplorationIterations = 250;
    public const int CheckEvery = 50;
    public const double MinGain = 0.01;
    public const double MinGradientNorm = 1e-7;

    /// <param name="data">(N, D) samples in rows.</param>
    public static TsneFit Embed(Tensor data, TsneOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var n = data.size(0);
        if (options.Perplexity >= n)
        {
            throw new ArgumentException($"t-SNE's perplexity ({options.Perplexity}) must be less than the number of samples ({n})");
        }

        if (options.Iterations < ExplorationIterations)
        {
            throw new ArgumentException($"t-SNE runs at least its {ExplorationIterations} exaggerated iterations; {options.Iterations} were asked for");
        }

        using var scope = NewDisposeScope();
        var p = PerplexityCalibration.Joint(PairwiseDistances.SquaredEuclidean(data), options.Perplexity);
        var y = PcaInitialisation(data, options.Components);
        var learningRate = Math.Max(n / options.EarlyExaggeration / 4.0, 50.0);
        var offDiagonal = PairwiseDistances.OffDiagonal(n, data.device);

        var exaggerated = p * options.EarlyExaggeration;
        var (last, kl) = Descend(ref y, exaggerated, offDiagonal, first: 0, end: ExplorationIterations, momentum: 0.5, learningRate, ExplorationIterations);
        if (last + 1 < options.Iterations)
        {
            (last, kl) = Descend(ref y, p, offDiagonal, first: last + 1, end: options.Iterations, momentum: 0.8, learningRate, options.IterationsWithoutProgress);
        }

        return new TsneFit(y.MoveToOuterDisposeScope(), kl, last + 1);
    }

    /// <summary>
    /// KL(P‖Q) and its gradient at embedding <paramref name="y"/>: Q = w/Σw with wᵢⱼ = 1/(1 + ‖yᵢ − yⱼ‖²),
    /// ∂KL/∂yᵢ = 4·Σⱼ (pᵢⱼ − qᵢⱼ)·wᵢⱼ·(yᵢ − yⱼ). Sums run over i ≠ j, which counts each pair twice, as
    /// scikit-learn's 2·Σ over its condensed pairs does.
    /// </summary>
    /// <param name="computeError">False skips the KL itself (null then), as scikit-learn does between its checks: only the gradient moves the embedding.</param>
    public static (Tensor? Kl, Tensor Gradient) Objective(Tensor y, Tensor p, Tensor offDiagonal, bool computeError = true)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(p);
        using var scope = NewDisposeScope();
        var w = (1.0 + PairwiseDistances.SquaredEuclidean(y)).reciprocal() * offDiagonal;
        var q = (w / w.sum()).clamp(min: PerplexityCalibration.MachineEpsilon);
        var kl = computeError ? (p * (p.clamp(min: PerplexityCalibration.MachineEpsilon) / q).log() * offDiagonal).sum().MoveToOuterDisposeScope() : null;
        var pqw = (p - q) * w * offDiagonal;
        var gradient = 4.0 * ((pqw.sum(1, keepdim: true) * y) - pqw.matmul(y));
        return (kl, gradient.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// scikit-learn's <c>_gradient_descent</c> from iteration <paramref name="first"/> up to (not
    /// including) <paramref name="end"/>. Every <see cref="CheckEvery"/> iterations it reads the error and
    /// gradient norm back to stop on no progress or a vanishing gradient, as scikit-learn does; those
    /// are the loop's only host reads. Returns the last iteration run and the error computed in it
    /// (at the embedding before that iteration's step, as scikit-learn reports kl_divergence_).
    /// </summary>
    private static (int Last, double Kl) Descend(
        ref Tensor y, Tensor p, Tensor offDiagonal, int first, int end, double momentum, double learningRate, int iterationsWithoutProgress)
    {
        var update = zeros(y.shape, ScalarType.Float64, y.device);
        var gains = ones(y.shape, ScalarType.Float64, y.device);
        double error = double.MaxValue, bestError = double.MaxValue;
        int bestIteration = first, i = first;
        for (; i < end; i++)
        {
            using var step = NewDisposeScope();
            var check = (i + 1) % CheckEvery == 0;
            var (kl, gradient) = Objective(y, p, offDiagonal, computeError: check || i == end - 1);
            var increase = (update * gradient).lt(0.0);
            var newGains = where(increase, gains + 0.2, gains * 0.8).clamp(min: MinGain);
            gradient *= newGains;
            var newUpdate = (momentum * update) - (learningRate * gradient);
            Swap(ref gains, newGains);
            Swap(ref update, newUpdate);
            Swap(ref y, y + update);
            if (kl is not null)
            {
                error = kl.ToDouble();
            }

            if (check)
            {
                var gradientNorm = gradient.norm().ToDouble();
                if (error < bestError)
                {
                    bestError = error;
                    bestIteration = i;
                }
                else if (i - bestIteration > iterationsWithoutProgress)
                {
                    break;
                }

                if (gradientNorm <= MinGradientNorm)
                {
                    break;
                }
            }
        }

        update.Dispose();
        gains.Dispose();
        return (Math.Min(i, end - 1), error);
    }

    /// <summary>scikit-learn's init="pca": the first PCA components, scaled so the first has standard deviation 1e-4.</summary>
    private static Tensor PcaInitialisation(Tensor data, int components)
    {
        using var fit = Pca.Fit(data, components);
        var first = fit.Embedding.narrow(1, 0, 1);
        return (fit.Embedding / first.std([0], unbiased: false) * 1e-4).MoveToOuterDisposeScope();
    }

    /// <summary>Keeps <paramref name="next"/> past the current step's scope and frees what it replaces.</summary>
    private static void Swap(ref Tensor current, Tensor next)
    {
        var old = current;
        current = next.MoveToOuterDisposeScope();
        old.Dispose();
    }
}

/// <param name="Perplexity">The paper's 40 (scikit-learn's default is 30).</param>
/// <param name="Iterations">The paper's 300, scikit-learn 1.2's n_iter (its minimum is 250).</param>
/// <param name="IterationsWithoutProgress">After the exaggerated phase (scikit-learn's n_iter_without_progress).</param>
public sealed record TsneOptions(
    double Perplexity = 40,
    int Iterations = 300,
    int Components = 2,
    double EarlyExaggeration = 12,
    int IterationsWithoutProgress = 300);

/// <param name="Embedding">(N, components) float64.</param>
/// <param name="KlDivergence">The final KL(P‖Q), scikit-learn's kl_divergence_.</param>
/// <param name="Iterations">Iterations run in all.</param>
public sealed record TsneFit(Tensor Embedding, double KlDivergence, int Iterations) : IDisposable
{
    public void Dispose() => Embedding.Dispose();
}
