using LaVae.Data;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// The paper's recursion (Fig. 5) for one latent map L of an augmentation A, on a batch of digits:
/// through image space, x⁽ⁿ⁾ = decode(μ(x⁽ⁿ⁻¹⁾)·L) with x⁽⁰⁾ = x0, each output encoded again; and
/// in latent space only, decode(z0·Lⁿ). Both are compared with Aⁿ(x0), A applied n times (for a
/// flip: A(x0), x0, A(x0), ...). The model enters as three functions, so the loop is testable with
/// exact stand-ins.
/// </summary>
public static class Recursion
{
    /// <summary>
    /// The image-space loop: decoded images x⁽¹⁾..x⁽ˢᵗᵉᵖˢ⁾, (steps, B, 1, 28, 28), and the latent path
    /// μ(x⁽⁰⁾)..μ(x⁽ˢᵗᵉᵖˢ⁾), (steps + 1, B, latent).
    /// </summary>
    public static (Tensor Images, Tensor Latents) ThroughImages(
        Tensor x0, Func<Tensor, Tensor> encodeMean, Func<Tensor, Tensor> decode, Func<Tensor, Tensor> map, int steps)
    {
        ArgumentNullException.ThrowIfNull(encodeMean);
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(map);
        var images = new List<Tensor>();
        var latents = new List<Tensor> { encodeMean(x0) };
        for (var n = 1; n <= steps; n++)
        {
            images.Add(decode(map(latents[^1])));
            latents.Add(encodeMean(images[^1]));
        }

        return (stack(images), stack(latents));
    }

    /// <summary>The latent-only power: decode(z0·Lⁿ) for n = 1..steps, (steps, B, 1, 28, 28).</summary>
    public static Tensor LatentPower(Tensor z0, Func<Tensor, Tensor> decode, Func<Tensor, Tensor> map, int steps)
    {
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(map);
        var images = new List<Tensor>();
        var z = z0;
        for (var n = 1; n <= steps; n++)
        {
            z = map(z);
            images.Add(decode(z));
        }

        return stack(images);
    }

    /// <summary>
    /// Aⁿ(x0) for n = 1..steps as model inputs, (steps, B, 1, 28, 28); <paramref name="augment"/> maps
    /// uint8 digits (B, 28, 28) to uint8 digits (a random augmentation draws anew at every step).
    /// </summary>
    public static Tensor Targets(Tensor originals, Func<Tensor, Tensor> augment, int steps)
    {
        ArgumentNullException.ThrowIfNull(augment);
        var targets = new List<Tensor>();
        var x = originals;
        for (var n = 1; n <= steps; n++)
        {
            x = augment(x);
            targets.Add(AlignedSets.ToModelInput(x));
        }

        return stack(targets);
    }

    /// <summary>Summed squared error per step and image, (steps, B): zero only for an exact match.</summary>
    public static Tensor Errors(Tensor predictions, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        return (predictions - targets).square().flatten(2).sum(2);
    }
}
