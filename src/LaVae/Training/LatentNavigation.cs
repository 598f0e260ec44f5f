using LaVae.Torch;

namespace LaVae.Training;

/// <summary>
/// Latent navigation in the spirit of LatentAugment (Tronchin et al., arXiv 2307.11375), with a VAE's
/// decoder in place of their GAN: start from z = μ(x) and move z' to make the augmented image differ
/// from the reconstruction, in pixels and in the latent space, while it stays close to the data.
///
///   maximise   J(z') = ‖dec(z') − dec(z)‖² + ‖z' − z‖²                  (diversity: pixel + latent)
///   subject to F(z') = ‖dec(z') − x‖² ≤ (1 + slack) · ‖dec(z) − x‖²       (fidelity to the image x)
///
/// Squared distances are summed over pixels (in [0, 1]) and latent dimensions. Each image moves on
/// its own: z' starts at z plus a small Gaussian step (J has zero gradient at z' = z), then takes a
/// fixed number of normalised gradient steps on J; a step is kept only if it raises J and keeps the
/// bound, else that image's step length halves. So J never falls and the bound always holds.
/// </summary>
public static class LatentNavigation
{
    /// <summary>The navigation's constants (see the class summary).</summary>
    /// <param name="Steps">Gradient steps per image.</param>
    /// <param name="StepLength">Latent distance of the first step, halved on each refusal.</param>
    /// <param name="StartRadius">Standard deviation of the Gaussian start around z.</param>
    /// <param name="Slack">How much more squared error against x than the reconstruction's the augmented image may have.</param>
    public sealed record Settings(int Steps = 20, double StepLength = 0.5, double StartRadius = 0.1, double Slack = 0.5);

    /// <summary>Where the images ended: z' (N, D), and per image J and F there and the bound on F.</summary>
    public sealed record Result(Tensor Latents, Tensor Objective, Tensor Fidelity, Tensor Bound);

    /// <param name="decode">z (N, D) → pixel probabilities (N, 1, 28, 28); its parameters are not changed.</param>
    /// <param name="x">The images navigated from, float (N, 1, 28, 28) in [0, 1].</param>
    /// <param name="z">Their encoder means (N, D).</param>
    public static Result Navigate(Func<Tensor, Tensor> decode, Tensor x, Tensor z, Settings settings, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(settings);
        Tensor reconstruction, bound, current, objective, fidelity, step;
        using (no_grad())
        {
            z = z.detach();
            reconstruction = decode(z);
            bound = PerImage((reconstruction - x).square()) * (1 + settings.Slack);
            var start = z + (randn(z.shape, dtype: z.dtype, device: z.device, generator: generator) * settings.StartRadius);
            var startFidelity = PerImage((decode(start) - x).square());
            // A start outside the bound (rare: the start step is small) stays at z, which is inside it.
            current = where(startFidelity.le(bound).unsqueeze(1), start, z);
            (objective, fidelity) = Evaluate(decode, current, z, reconstruction, x);
            step = full(objective.shape, settings.StepLength, objective.dtype, objective.device);
        }

        for (var t = 0; t < settings.Steps; t++)
        {
            using var scope = NewDisposeScope(); // a step's images are freed with it; only where it ends is kept
            var direction = Ascent(decode, current, z, reconstruction);
            using var noGrad = no_grad();
            var candidate = current + (direction * step.unsqueeze(1));
            var (candidateObjective, candidateFidelity) = Evaluate(decode, candidate, z, reconstruction, x);
            var accept = candidateObjective.gt(objective) * candidateFidelity.le(bound);
            current = where(accept.unsqueeze(1), candidate, current).MoveToOuterDisposeScope();
            objective = where(accept, candidateObjective, objective).MoveToOuterDisposeScope();
            fidelity = where(accept, candidateFidelity, fidelity).MoveToOuterDisposeScope();
            step = where(accept, step, step * 0.5).MoveToOuterDisposeScope();
        }

        return new Result(current, objective, fidelity, bound);
    }

    /// <summary>J and F of every image at <paramref name="latents"/>.</summary>
    private static (Tensor Objective, Tensor Fidelity) Evaluate(Func<Tensor, Tensor> decode, Tensor latents, Tensor z, Tensor reconstruction, Tensor x)
    {
        var decoded = decode(latents);
        return (PerImage((decoded - reconstruction).square()) + PerImage((latents - z).square()), PerImage((decoded - x).square()));
    }

    /// <summary>∇J at <paramref name="latents"/>, scaled to unit length per image.</summary>
    private static Tensor Ascent(Func<Tensor, Tensor> decode, Tensor latents, Tensor z, Tensor reconstruction)
    {
        using var grad = enable_grad();
        var leaf = latents.detach().requires_grad_();
        var decoded = decode(leaf);
        (PerImage((decoded - reconstruction).square()) + PerImage((leaf - z).square())).sum().backward();
        var gradient = leaf.grad!.detach();
        return gradient / (gradient.square().sum(1, keepdim: true).sqrt() + 1e-12);
    }

    // Sums every dimension but the first: one value per image.
    private static Tensor PerImage(Tensor values) => values.flatten(1).sum(1);
}
