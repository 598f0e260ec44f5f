using LaVae.Models;
using LaVae.Torch;
using LaVae.Torch.Optimizers;

namespace LaVae.Evaluation;

/// <summary>
/// What the paper says its linear maps have and an MLP lacks (Section IV-B): composition that does not
/// depend on the order, involution (flips undo themselves), and an inverse. Each is measured on latents
/// z (rows of a (N, latent) tensor) for any <see cref="ILatentMap"/>, as a ratio of means over the rows.
/// </summary>
public static class LatentMapProperties
{
    /// <summary>A singular value counts towards the rank when it is above this fraction of the largest.</summary>
    public const double RankTolerance = 1e-4;

    /// <summary>
    /// The commutator: mean ‖z·L1·L2 − z·L2·L1‖ / mean ‖z·L1·L2‖ (<see cref="Lavae.Compose"/> against
    /// <see cref="Lavae.ReverseCompose"/>); 0 when the maps commute.
    /// </summary>
    public static double Commutator(Lavae model, Tensor z)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var composed = model.Compose(z);
        return MeanRowNorm(composed - model.ReverseCompose(z)) / MeanRowNorm(composed);
    }

    /// <summary>The involution residual: mean ‖f(f(z)) − z‖ / mean ‖z‖; 0 for a map that undoes itself.</summary>
    public static double InvolutionResidual(ILatentMap map, Tensor z)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return MeanRowNorm(map.Apply(map.Apply(z)) - z) / MeanRowNorm(z);
    }

    /// <summary>
    /// The mean numerical rank of the map's Jacobian ∂f(z)/∂z over the rows of <paramref name="z"/>: the
    /// number of singular values above <see cref="RankTolerance"/> times the largest. A map with an inverse
    /// has full rank (the latent size) everywhere; an MLP through 8 units has at most 8, so it folds a
    /// neighbourhood of every z onto a lower-dimensional set and cannot be undone.
    /// </summary>
    public static double JacobianRank(ILatentMap map, Tensor z)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(z);
        var (rows, d) = (z.size(0), z.size(1));
        var jacobian = new float[rows * d * d];
        using (var grad = enable_grad())
        {
            // Row j of every row's Jacobian is the gradient of output j summed over the rows (rows are independent).
            for (var j = 0; j < d; j++)
            {
                using var scope = NewDisposeScope();
                var input = z.detach().clone().requires_grad_();
                map.Apply(input).narrow(1, j, 1).sum().backward();
                var gradient = input.grad!.contiguous().ToArray<float>();
                for (var r = 0; r < rows; r++)
                {
                    Array.Copy(gradient, r * d, jacobian, (r * d * d) + (j * d), d);
                }
            }
        }

        ClearGradients(map);
        using var noGrad = no_grad();
        using var svdScope = NewDisposeScope();
        var singular = linalg.svd(tensor(jacobian, new long[] { rows, d, d }).to(ScalarType.Float64), fullMatrices: false).S.contiguous().ToArray<double>();
        var total = 0.0;
        for (var r = 0; r < rows; r++)
        {
            var values = singular.AsSpan((int)(r * d), (int)d).ToArray();
            var largest = values.Max();
            total += values.Count(value => value > RankTolerance * largest);
        }

        return total / rows;
    }

    /// <summary>
    /// The best inversion residual found: mean over the rows t of <paramref name="targets"/> of
    /// min_z' ‖f(z') − t‖, over mean ‖t‖. The minimum is sought by Adam from z' = t (each row its own
    /// problem), in rounds of <paramref name="stepsPerRound"/> steps at learning rates 5e-2, 5e-3, 5e-4 and 5e-5,
    /// so the value is an upper bound of the true minimum: about 0 for an invertible linear map, the
    /// distance of t from the map's range otherwise (an MLP through 8 units reaches at most an
    /// 8-dimensional set of the 16-dimensional latent space).
    /// </summary>
    public static double InversionResidual(ILatentMap map, Tensor targets, int stepsPerRound = 200)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(targets);
        var t = targets.detach().clone().DetachFromDisposeScope();
        using var solution = t.clone().requires_grad_().DetachFromDisposeScope();
        using (var grad = enable_grad())
        {
            foreach (var learningRate in new[] { 5e-2, 5e-3, 5e-4, 5e-5 })
            {
                using var adam = new Adam([solution], learningRate);
                for (var step = 0; step < stepsPerRound; step++)
                {
                    using var scope = NewDisposeScope();
                    adam.ZeroGrad();
                    (map.Apply(solution) - t).square().sum().backward();
                    adam.Step();
                }
            }
        }

        ClearGradients(map);
        using var noGrad = no_grad();
        using var residualScope = NewDisposeScope();
        var residual = MeanRowNorm(map.Apply(solution) - t) / MeanRowNorm(t);
        t.Dispose();
        return residual;
    }

    private static double MeanRowNorm(Tensor rows) => rows.square().sum(1).sqrt().mean().ToDouble();

    // The passes above differentiate through the map's parameters too; leave them as training left them.
    private static void ClearGradients(ILatentMap map)
    {
        foreach (var parameter in map.parameters())
        {
            parameter.grad = null;
        }
    }
}
