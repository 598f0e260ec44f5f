using LaVae.Augmentations.Families;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations.Families;

/// <summary>
/// gaussian_noise and salt_and_pepper cannot match a library's random stream: their arithmetic is
/// checked against a plain loop over the same draws, and their draws by their statistics.
/// </summary>
public class NoiseFamilyTests
{
    private const int Pixels = TestImages.Side * TestImages.Side;

    [Fact]
    public void Gaussian_noise_rounds_half_to_even_and_saturates_as_a_loop_does()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        var images = TestImages.Random(4, seed: 50);
        double[] sigmas = [0, 10, 50.5, 255];
        const double mean = -20;
        var noise = randn([4, TestImages.Side, TestImages.Side], ScalarType.Float32, generator: generator);

        var output = TestImages.Bytes(GaussianNoise.Apply(images, tensor(sigmas), mean, noise));

        var (pixels, draws) = (TestImages.Bytes(images), noise.contiguous().ToArray<float>());
        var expected = new byte[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            expected[i] = (byte)Math.Clamp(Math.Round(pixels[i] + mean + (sigmas[i / Pixels] * draws[i])), 0, 255);
        }

        output.Should().Equal(expected);
    }

    [Fact]
    public void Gaussian_noise_draws_the_per_image_sigmas_then_the_noise()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(12);
        using var fresh = new Generator(12);
        var images = TestImages.Random(6, seed: 51);
        var family = new GaussianNoise();

        var output = family.Create("n", FamilyExamples.Values(family, ("sigma", new NumberValue(5, 30)), ("mean", FamilyExamples.Fixed(3)))).Apply(images, generator);

        var sigmas = rand([6], ScalarType.Float64, generator: fresh) * 25 + 5;
        var noise = randn(images.shape, ScalarType.Float32, generator: fresh);
        TestImages.Bytes(output).Should().Equal(TestImages.Bytes(GaussianNoise.Apply(images, sigmas, 3, noise)));
    }

    [Fact]
    public void Gaussian_noise_has_the_declared_spread_and_saturates_instead_of_wrapping()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(13);
        var family = new GaussianNoise();
        var grey = full([2000, TestImages.Side, TestImages.Side], 128, ScalarType.Byte);

        var shifted = family.Create("n", FamilyExamples.Values(family, ("sigma", FamilyExamples.Fixed(10)))).Apply(grey, generator).to(ScalarType.Float64) - 128;

        // 1.6 million pixels: the mean's standard error is 0.008, the deviation's 0.006 (rounding adds 1/12 to the variance).
        shifted.mean().item<double>().Should().BeApproximately(0, 0.05);
        shifted.std().item<double>().Should().BeApproximately(Math.Sqrt(100 + (1.0 / 12)), 0.05);

        var bright = full([2, TestImages.Side, TestImages.Side], 250, ScalarType.Byte);
        var brighter = family.Create("n", FamilyExamples.Values(family, ("sigma", FamilyExamples.Fixed(0)), ("mean", FamilyExamples.Fixed(20)))).Apply(bright, generator);
        TestImages.Bytes(brighter).Should().AllBeEquivalentTo((byte)255);
    }

    [Fact]
    public void Gaussian_noise_draws_a_sigma_range_per_image()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(14);
        var family = new GaussianNoise();
        var grey = full([200, TestImages.Side, TestImages.Side], 128, ScalarType.Byte);

        var output = family.Create("n", FamilyExamples.Values(family, ("sigma", new NumberValue(5, 15)))).Apply(grey, generator).to(ScalarType.Float64);

        var deviations = output.view(200, -1).std(1).contiguous().ToArray<double>();
        deviations.Min().Should().BeInRange(4.5, 6.5);
        deviations.Max().Should().BeInRange(13.5, 15.5);
    }

    [Fact]
    public void Salt_and_pepper_replaces_where_a_loop_over_the_same_draws_does()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(15);
        var images = TestImages.Random(3, seed: 52);
        double[] amounts = [0, 0.3, 1];
        const double saltRatio = 0.25;
        var replace = rand([3, TestImages.Side, TestImages.Side], ScalarType.Float64, generator: generator);
        var salt = rand([3, TestImages.Side, TestImages.Side], ScalarType.Float64, generator: generator);

        var output = TestImages.Bytes(SaltAndPepper.Apply(images, tensor(amounts), saltRatio, replace, salt));

        var (pixels, replaceDraws, saltDraws) = (TestImages.Bytes(images), replace.contiguous().ToArray<double>(), salt.contiguous().ToArray<double>());
        var expected = new byte[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            expected[i] = replaceDraws[i] < amounts[i / Pixels] ? (saltDraws[i] < saltRatio ? (byte)255 : (byte)0) : pixels[i];
        }

        output.Should().Equal(expected);
    }

    [Fact]
    public void Salt_and_pepper_draws_the_per_image_amounts_then_which_pixels_then_which_colour()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(16);
        using var fresh = new Generator(16);
        var images = TestImages.Random(5, seed: 53);
        var family = new SaltAndPepper();

        var output = family.Create("s", FamilyExamples.Values(family, ("amount", new NumberValue(0.1, 0.6)))).Apply(images, generator);

        var amounts = rand([5], ScalarType.Float64, generator: fresh) * 0.5 + 0.1;
        var replace = rand(images.shape, ScalarType.Float64, generator: fresh);
        var salt = rand(images.shape, ScalarType.Float64, generator: fresh);
        TestImages.Bytes(output).Should().Equal(TestImages.Bytes(SaltAndPepper.Apply(images, amounts, 0.5, replace, salt)));
    }

    [Fact]
    public void Salt_and_pepper_replaces_the_declared_fraction_with_the_declared_share_of_salt()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(17);
        var family = new SaltAndPepper();
        const int count = 1000;
        var grey = full([count, TestImages.Side, TestImages.Side], 128, ScalarType.Byte);

        var output = family.Create("s", FamilyExamples.Values(family, ("amount", FamilyExamples.Fixed(0.2)), ("salt_ratio", FamilyExamples.Fixed(0.3)))).Apply(grey, generator);

        // 784,000 pixels: the replaced fraction's standard error is 0.00045, salt's share's 0.0012; five of each allowed.
        var replaced = output.ne(128).to(ScalarType.Float64).mean().item<double>();
        var salted = output.eq(255).to(ScalarType.Float64).sum().item<double>() / output.ne(128).to(ScalarType.Float64).sum().item<double>();
        replaced.Should().BeApproximately(0.2, 5 * Math.Sqrt(0.2 * 0.8 / (count * Pixels)));
        salted.Should().BeApproximately(0.3, 5 * Math.Sqrt(0.3 * 0.7 / (0.2 * count * Pixels)));
    }

    [Fact]
    public void Salt_and_pepper_draws_an_amount_range_per_image()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(18);
        var family = new SaltAndPepper();
        var grey = full([200, TestImages.Side, TestImages.Side], 128, ScalarType.Byte);

        var output = family.Create("s", FamilyExamples.Values(family, ("amount", new NumberValue(0, 0.5)))).Apply(grey, generator);

        var fractions = output.ne(128).to(ScalarType.Float64).view(200, -1).mean([1]).contiguous().ToArray<double>();
        fractions.Min().Should().BeLessThan(0.05);
        fractions.Max().Should().BeGreaterThan(0.45);
    }
}
