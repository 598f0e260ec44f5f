using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>Latent navigation on a tiny untrained VAE: it moves away from the reconstruction and never past the fidelity bound.</summary>
public class LatentNavigationTests
{
    [Fact]
    public void Navigation_raises_the_distance_while_the_fidelity_bound_holds_for_every_image()
    {
        using var g = new Generator(11, CPU);
        using var vae = new PlainVae(new ModelShape(4, 16), g, CPU);
        using var scope = NewDisposeScope();
        var x = AlignedSets.ToModelInput(Images(6, seed: 1));
        Tensor z;
        using (no_grad())
        {
            z = vae.Encoder.forward(x).Mu;
        }

        vae.Decoder.RequiresGrad(false);
        var before = TinyTraining.Snapshot(vae.Decoder);
        using var walk = new Generator(12, CPU);
        var result = LatentNavigation.Navigate(latents => vae.Decoder.forward(latents), x, z, new LatentNavigation.Settings(Steps: 15), walk);

        using var noGrad = no_grad();
        var reconstruction = vae.Decoder.forward(z);
        var decoded = vae.Decoder.forward(result.Latents);
        var pixels = PerImage((decoded - reconstruction).square());
        var latent = PerImage((result.Latents - z).square());
        var fidelity = PerImage((decoded - x).square());
        var bound = PerImage((reconstruction - x).square()).Select(value => 1.5 * value).ToArray();
        for (var i = 0; i < 6; i++)
        {
            fidelity[i].Should().BeLessThanOrEqualTo(bound[i] * (1 + 1e-5), $"image {i} keeps ‖dec(z') − x‖² within 1.5 times the reconstruction's");
            (pixels[i] + latent[i]).Should().BeGreaterThan(0.01, $"image {i} moved away from its reconstruction");
        }

        result.Objective.ToArray<float>().Select(v => (double)v).Should().Equal(pixels.Zip(latent, (p, l) => p + l), (a, b) => Math.Abs(a - b) <= 1e-4 * Math.Max(1, b));
        result.Bound.ToArray<float>().Select(v => (double)v).Should().Equal(bound, (a, b) => Math.Abs(a - b) <= 1e-4 * b);
        TinyTraining.Changed(before, TinyTraining.Snapshot(vae.Decoder)).Should().BeEmpty();
    }

    [Fact]
    public void More_steps_never_lower_the_objective()
    {
        using var g = new Generator(13, CPU);
        using var vae = new PlainVae(new ModelShape(4, 16), g, CPU);
        using var scope = NewDisposeScope();
        var x = AlignedSets.ToModelInput(Images(5, seed: 2));
        Tensor z;
        using (no_grad())
        {
            z = vae.Encoder.forward(x).Mu;
        }

        vae.Decoder.RequiresGrad(false);
        double[] Objective(int steps)
        {
            using var walk = new Generator(14, CPU); // the same start for both
            return LatentNavigation.Navigate(latents => vae.Decoder.forward(latents), x, z, new LatentNavigation.Settings(Steps: steps), walk).Objective.ToArray<float>().Select(v => (double)v).ToArray();
        }

        var start = Objective(0);
        var later = Objective(10);
        later.Zip(start).Should().OnlyContain(pair => pair.First >= pair.Second);
        later.Sum().Should().BeGreaterThan(start.Sum(), "an untrained decoder leaves room to move");
    }

    private static double[] PerImage(Tensor values) => values.flatten(1).sum(1).ToArray<float>().Select(v => (double)v).ToArray();

    private static Tensor Images(int count, int seed)
    {
        var bytes = new byte[count * 784];
        new Random(seed).NextBytes(bytes);
        return tensor(bytes, new long[] { count, 28, 28 });
    }
}
