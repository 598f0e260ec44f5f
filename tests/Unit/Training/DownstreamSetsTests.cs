using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>The labelled training sets of the downstream classifiers: the digits first, then one augmented image of each with its label.</summary>
public class DownstreamSetsTests
{
    private static readonly string[] Flips = ["flip_lr", "flip_ud"];

    [Theory]
    [InlineData(DownstreamSource.None, 1)]
    [InlineData(DownstreamSource.ImageAugmentations, 2)]
    [InlineData(DownstreamSource.LatentAugmentations, 2)]
    [InlineData(DownstreamSource.LatentNavigation, 2)]
    public void Every_source_keeps_the_digits_first_and_repeats_their_labels(DownstreamSource source, int copies)
    {
        using var g = new Generator(21, CPU);
        using var space = new Lavae(new ModelShape(4, 16), Flips, LatentMapKind.Linear, g, CPU);
        var bytes = new byte[5 * 784];
        new Random(3).NextBytes(bytes);
        using var images = tensor(bytes, new long[] { 5, 28, 28 });
        using var labels = tensor(new long[] { 3, 1, 4, 1, 5 });
        var digits = new LabelledImages(images, labels);
        using var copy = tensor(bytes, new long[] { 5, 28, 28 });
        using var pairSets = AugmentationRegistry.Pair("flip_lr", "flip_ud").Apply(copy, 9);
        using var walk = new Generator(22, CPU);

        using var set = DownstreamSets.Build(source, digits, pairSets, space, new LatentNavigation.Settings(Steps: 3), walk);

        set.Count.Should().Be(5 * copies);
        set.Labels.ToArray<long>().Should().Equal(Enumerable.Repeat(new long[] { 3, 1, 4, 1, 5 }, copies).SelectMany(l => l));
        set.Images.narrow(0, 0, 5).ToArray<byte>().Should().Equal(bytes, "the labelled digits come first, unchanged");
        if (source == DownstreamSource.ImageAugmentations)
        {
            // Digits 0..4 get A1, A2, composed, A1, A2.
            AugClass[] kinds = [AugClass.Aug1, AugClass.Aug2, AugClass.Compose, AugClass.Aug1, AugClass.Aug2];
            for (var i = 0; i < 5; i++)
            {
                set.Images.select(0, 5 + i).ToArray<byte>().Should().Equal(pairSets[kinds[i]].select(0, i).ToArray<byte>(), $"digit {i} gets {kinds[i]}");
            }
        }

        if (source == DownstreamSource.LatentAugmentations)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var z = space.Encode(AlignedSets.ToModelInput(images)).Mu;
            var expected = (space.Decode(space.Augment(z, 1)) * 255.0).round().clamp(0, 255).to(ScalarType.Byte).squeeze(1);
            set.Images.select(0, 5 + 1).ToArray<byte>().Should().Equal(expected.select(0, 1).ToArray<byte>(), "digit 1 gets decode(z·L2)");
            set.Images.select(0, 5 + 4).ToArray<byte>().Should().Equal(expected.select(0, 4).ToArray<byte>(), "digit 4 gets decode(z·L2)");
        }
    }
}
