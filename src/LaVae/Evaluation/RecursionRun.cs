using LaVae.Data;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// The recursion of one latent map over a whole test set, batch by batch (<see cref="Recursion"/>):
/// per step and digit the summed squared error of the image loop x⁽ⁿ⁾ and of the latent power
/// decode(z0·Lⁿ) against Aⁿ(x0), and each digit's latent path μ(x⁽⁰⁾)..μ(x⁽ˢᵗᵉᵖˢ⁾). Errors are read
/// to the host once, at the end.
/// </summary>
public sealed class RecursionRun
{
    public const int Steps = 8;

    /// <summary>A digit is stable at the last step when its error is at most this many times the test set's median one-step error.</summary>
    public const double StableFactor = 2.0;

    private RecursionRun(double[][] imageLoop, double[][] latentPower, float[] latents, int latent)
    {
        ImageLoop = imageLoop;
        LatentPower = latentPower;
        LatentValues = latents;
        LatentSize = latent;
    }

    /// <summary>[step − 1][digit]: SSE of x⁽ⁿ⁾ against Aⁿ(x0).</summary>
    public IReadOnlyList<double[]> ImageLoop { get; }

    /// <summary>[step − 1][digit]: SSE of decode(z0·Lⁿ) against Aⁿ(x0).</summary>
    public IReadOnlyList<double[]> LatentPower { get; }

    public int Digits => ImageLoop[0].Length;

    public int LatentSize { get; }

    /// <summary>The latent paths, (steps + 1, digits, latent) row-major.</summary>
    public float[] LatentValues { get; }

    /// <summary>
    /// The stability bound: <see cref="StableFactor"/> × the median SSE of the first step. One pass
    /// through encoder, map and decoder costs about the first step's error; a digit still within twice
    /// the typical one-pass cost after eight passes has not accumulated error, while a digit that turned
    /// into another digit costs several times more.
    /// </summary>
    public double StableBound => StableFactor * StepStatistics.Median(ImageLoop[0]);

    /// <summary>Runs the recursion on uint8 digits (N, 28, 28); <paramref name="augment"/> maps uint8 digits to uint8 digits.</summary>
    public static RecursionRun Measure(
        Tensor digits,
        Func<Tensor, Tensor> encodeMean,
        Func<Tensor, Tensor> decode,
        Func<Tensor, Tensor> map,
        Func<Tensor, Tensor> augment,
        int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(digits);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var imageLoop = new List<Tensor>();
        var latentPower = new List<Tensor>();
        var paths = new List<Tensor>();
        for (long start = 0; start < digits.size(0); start += batchSize)
        {
            using var batchScope = NewDisposeScope();
            var originals = digits.narrow(0, start, Math.Min(batchSize, digits.size(0) - start));
            var targets = Recursion.Targets(originals, augment, Steps);
            var (images, latents) = Recursion.ThroughImages(AlignedSets.ToModelInput(originals), encodeMean, decode, map, Steps);
            imageLoop.Add(Recursion.Errors(images, targets).MoveToOuterDisposeScope());
            latentPower.Add(Recursion.Errors(Recursion.LatentPower(latents.select(0, 0), decode, map, Steps), targets).MoveToOuterDisposeScope());
            paths.Add(latents.MoveToOuterDisposeScope());
        }

        var path = cat(paths, 1).contiguous();
        return new RecursionRun(ToHost(cat(imageLoop, 1)), ToHost(cat(latentPower, 1)), path.ToArray<float>(), (int)path.size(2));
    }

    /// <summary>The latent path of one digit: steps + 1 points of <see cref="LatentSize"/> values.</summary>
    public float[][] PathOf(int digit) =>
        Enumerable.Range(0, Steps + 1)
            .Select(step => LatentValues.AsSpan(((step * Digits) + digit) * LatentSize, LatentSize).ToArray())
            .ToArray();

    // (steps, N) errors to [step][digit] doubles.
    private static double[][] ToHost(Tensor errors)
    {
        var values = errors.to(ScalarType.Float64).contiguous().ToArray<double>();
        var digits = (int)errors.size(1);
        return Enumerable.Range(0, (int)errors.size(0)).Select(step => values.AsSpan(step * digits, digits).ToArray()).ToArray();
    }
}
