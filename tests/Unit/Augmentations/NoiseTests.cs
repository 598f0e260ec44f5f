using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

public class NoiseTests
{
    private const int Count = 64;

    [Fact]
    public void Top_left_noise_changes_only_the_7x7_corner_by_about_128_plus_32_sigma()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var images = TestImages.Random(Count, seed: 8);

        var noisy = new TopLeftNoise().Apply(images, generator);

        var added = new List<double>();
        for (var index = 0; index < Count; index++)
        {
            var before = TestImages.Pixels(images, index);
            var after = TestImages.Pixels(noisy, index);
            for (var row = 0; row < TestImages.Side; row++)
            {
                for (var column = 0; column < TestImages.Side; column++)
                {
                    if (row < TopLeftNoise.PatchSide && column < TopLeftNoise.PatchSide)
                    {
                        added.Add((after[row, column] - before[row, column] + 256) % 256);
                    }
                    else
                    {
                        after[row, column].Should().Be(before[row, column], because: $"image {index}, pixel ({row}, {column}) is outside the corner");
                    }
                }
            }
        }

        // The uint8 wrap-around makes (after − before) mod 256 the noise byte itself.
        added.Average().Should().BeApproximately(128, 2);
        StandardDeviation(added).Should().BeApproximately(32, 2);
    }

    [Fact]
    public void Salt_and_pepper_noise_changes_about_a_fifth_of_the_pixels_by_about_128_plus_16_sigma()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(4);
        var images = TestImages.Random(Count, seed: 9);

        var noisy = new SaltAndPepperNoise().Apply(images, generator);

        var added = TestImages.Bytes(noisy).Zip(TestImages.Bytes(images), (after, before) => (double)((after - before + 256) % 256)).ToArray();
        var changed = added.Where(value => value != 0).ToArray();
        ((double)changed.Length / added.Length).Should().BeApproximately(SaltAndPepperNoise.Fraction, 0.01);
        changed.Average().Should().BeApproximately(128, 1);
        StandardDeviation(changed).Should().BeApproximately(16, 1);
    }

    [Fact]
    public void Float_noise_becomes_bytes_by_truncation_and_wrap_around()
    {
        using var scope = NewDisposeScope();
        var noise = tensor(new[] { -1.5f, -0.5f, 0.7f, 255.9f, 256.2f, 300f, -300f, 1e10f, -1e10f });

        NoiseValues.TruncateToWrappedBytes(noise).ToArray<byte>().Should().Equal(255, 0, 0, 255, 0, 44, 212, 0, 0);
    }

    private static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1));
    }
}
