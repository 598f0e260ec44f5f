using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// The paper's geometry figures' data (section 5, "Geometry"): the test digits of one class, as four
/// clouds, one per augmentation class (orig, A1, A2, compose), each in three spaces:
/// images (the aligned test sets), latents (z0 = the encoder mean of x0, and its images under the
/// latent maps: z0·L1, z0·L2, z0·L1·L2) and reconstructions (decoder 0 of those latents, as Table I's
/// columns decode them). Rows are cloud after cloud, so row i belongs to cloud i / <see cref="PerCloud"/>.
/// </summary>
public sealed class AugmentationClouds : IDisposable
{
    /// <summary>The authors drew the test digits of class 2 only.</summary>
    public const int PaperDigit = 2;

    private const int BatchSize = 500;

    private AugmentationClouds(Tensor images, Tensor latents, Tensor reconstructions, Tensor cloudIndex, int perCloud)
    {
        Images = images;
        Latents = latents;
        Reconstructions = reconstructions;
        CloudIndex = cloudIndex;
        PerCloud = perCloud;
    }

    /// <summary>The clouds in row order, by augmentation class.</summary>
    public static IReadOnlyList<AugClass> Classes { get; } = [AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose];

    /// <summary>(4n, 784) float32 pixels in [0, 1].</summary>
    public Tensor Images { get; }

    /// <summary>(4n, latent) float32.</summary>
    public Tensor Latents { get; }

    /// <summary>(4n, 784) float32 decoded probabilities.</summary>
    public Tensor Reconstructions { get; }

    /// <summary>(4n) int64: the cloud (index into <see cref="Classes"/>) of each row.</summary>
    public Tensor CloudIndex { get; }

    /// <summary>Digits per cloud (n).</summary>
    public int PerCloud { get; }

    /// <summary>The legend's names: orig, A1 (its augmentation), A2 (its augmentation), compose.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return ["orig", $"A1 ({pair[0]})", $"A2 ({pair[1]})", "compose"];
    }

    /// <param name="labels">The class label of each test digit of <paramref name="test"/>.</param>
    public static AugmentationClouds Of(Lavae model, AlignedSets test, IReadOnlyList<byte> labels, int digit = PaperDigit)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(labels);
        var chosen = Enumerable.Range(0, (int)test.Count).Where(i => labels[i] == digit).Select(i => (long)i).ToArray();
        if (chosen.Length < 2)
        {
            throw new InvalidOperationException($"the test set holds {chosen.Length} digit(s) of class {digit}; the geometry needs at least 2");
        }

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var device = test.Orig.device;
        var images = new List<Tensor>();
        var latents = new List<Tensor>();
        var reconstructions = new List<Tensor>();
        foreach (var augClass in Classes)
        {
            var imageBatches = new List<Tensor>();
            var latentBatches = new List<Tensor>();
            var decodedBatches = new List<Tensor>();
            for (var start = 0; start < chosen.Length; start += BatchSize)
            {
                var indices = tensor(chosen[start..Math.Min(chosen.Length, start + BatchSize)], device: device);
                var z0 = model.Encode(test.Batch(AugClass.Orig, indices)).Mu;
                var z = augClass switch
                {
                    AugClass.Orig => z0,
                    AugClass.Aug1 => model.Augment(z0, 0),
                    AugClass.Aug2 => model.Augment(z0, 1),
                    _ => model.Compose(z0),
                };
                imageBatches.Add(test.Batch(augClass, indices).flatten(1));
                latentBatches.Add(z);
                decodedBatches.Add(model.Decode(z).flatten(1));
            }

            images.Add(cat(imageBatches));
            latents.Add(cat(latentBatches));
            reconstructions.Add(cat(decodedBatches));
        }

        var cloudIndex = arange(0, Classes.Count, device: device).unsqueeze(1).expand(Classes.Count, chosen.Length).flatten();
        return new AugmentationClouds(
            cat(images).MoveToOuterDisposeScope(),
            cat(latents).MoveToOuterDisposeScope(),
            cat(reconstructions).MoveToOuterDisposeScope(),
            cloudIndex.contiguous().MoveToOuterDisposeScope(),
            chosen.Length);
    }

    /// <summary>Rows of cloud <paramref name="cloud"/> of a (4n, d) tensor laid out as these clouds are.</summary>
    public Tensor Cloud(Tensor rows, int cloud)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.narrow(0, cloud * (long)PerCloud, PerCloud);
    }

    public void Dispose()
    {
        Images.Dispose();
        Latents.Dispose();
        Reconstructions.Dispose();
        CloudIndex.Dispose();
    }
}
