using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// Per-dimension statistics of the training originals' latents z0 = μ(x0): what the paper's sampling
/// (Fig. 13) draws new latents from, either inside their "bounding box" [min, max] or from a normal of
/// their mean and standard deviation.
/// </summary>
public sealed class LatentStatistics : IDisposable
{
    private const int BatchSize = 1000;

    private LatentStatistics(Tensor min, Tensor max, Tensor mean, Tensor std)
    {
        Min = min;
        Max = max;
        Mean = mean;
        Std = std;
    }

    /// <summary>(latent) each, float32, on the model's device.</summary>
    public Tensor Min { get; }

    public Tensor Max { get; }

    public Tensor Mean { get; }

    /// <summary>Unbiased (ddof 1), as torch's std.</summary>
    public Tensor Std { get; }

    public static LatentStatistics Of(Lavae model, AlignedSets train)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var batches = new List<Tensor>();
        for (long start = 0; start < train.Count; start += BatchSize)
        {
            var indices = arange(start, Math.Min(start + BatchSize, train.Count), device: train.Orig.device);
            batches.Add(model.Encode(train.Batch(AugClass.Orig, indices)).Mu);
        }

        var z0 = cat(batches);
        return new LatentStatistics(z0.amin([0]).MoveToOuterDisposeScope(), z0.amax([0]).MoveToOuterDisposeScope(), z0.mean([0]).MoveToOuterDisposeScope(), z0.std([0]).MoveToOuterDisposeScope());
    }

    /// <summary><paramref name="count"/> latents, each dimension drawn independently as <paramref name="mode"/> says.</summary>
    public Tensor Sample(LatentSampling mode, int count, Generator generator)
    {
        using var scope = NewDisposeScope();
        var shape = new[] { (long)count, Mean.size(0) };
        var drawn = mode switch
        {
            LatentSampling.BoundingBox => Min + (rand(shape, dtype: ScalarType.Float32, device: Mean.device, generator: generator) * (Max - Min)),
            LatentSampling.Normal => Mean + (randn(shape, dtype: ScalarType.Float32, device: Mean.device, generator: generator) * Std),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown latent sampling"),
        };
        return drawn.MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        Min.Dispose();
        Max.Dispose();
        Mean.Dispose();
        Std.Dispose();
    }
}

/// <summary>How <see cref="LatentStatistics.Sample"/> draws each latent dimension.</summary>
public enum LatentSampling
{
    /// <summary>Uniform within the training latents' [min, max] of the dimension (the paper's "bounding box").</summary>
    BoundingBox,

    /// <summary>Normal with the training latents' mean and standard deviation of the dimension.</summary>
    Normal,
}
