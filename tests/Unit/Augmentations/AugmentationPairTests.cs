using LaVae.Models;
using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

public class AugmentationPairTests
{
    [Fact]
    public void Names_the_pair_and_its_four_sets_as_the_paper_does()
    {
        var pair = AugmentationRegistry.Pair("flip_lr", "flip_ud");

        pair.Name.Should().Be("flip_lr,flip_ud");
        pair.SetNames.Should().Equal("orig", "flip_lr", "flip_ud", "flip_lr+flip_ud");
    }

    [Fact]
    public void Composes_A1_first_then_A2()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(0);
        var images = TestImages.Random(2, seed: 1);
        var (rotate, flip) = (new RotateClockwise(), new FlipLeftRight());

        var sets = new AugmentationPair(rotate, flip).Apply(images, seed: 7);

        var flipOfRotation = TestImages.Bytes(flip.Apply(rotate.Apply(images, generator), generator));
        var rotationOfFlip = TestImages.Bytes(rotate.Apply(flip.Apply(images, generator), generator));
        flipOfRotation.Should().NotEqual(rotationOfFlip, because: "rotate_cw and flip_lr do not commute, so the order is visible");
        TestImages.Bytes(sets[AugClass.Compose]).Should().Equal(flipOfRotation);
        TestImages.Bytes(sets[AugClass.Aug1]).Should().Equal(TestImages.Bytes(rotate.Apply(images, generator)));
        TestImages.Bytes(sets[AugClass.Aug2]).Should().Equal(TestImages.Bytes(flip.Apply(images, generator)));
        sets.Orig.Should().BeSameAs(images);
        new AugmentationPair(rotate, flip).SetNames.Should().Equal("orig", "rotate_cw", "flip_lr", "rotate_cw+flip_lr");
    }

    [Fact]
    public void Draws_each_set_from_its_own_stream_seeded_4_seed_plus_k_and_composes_on_the_A1_set()
    {
        using var scope = NewDisposeScope();
        var images = TestImages.Random(4, seed: 2);
        var (shear, noise) = (new ShearX(), new SaltAndPepperNoise());
        const ulong seed = 21;

        var sets = new AugmentationPair(shear, noise).Apply(images, seed);

        using var firstStream = new Generator(4 * seed + 1);
        using var secondStream = new Generator(4 * seed + 2);
        using var composedStream = new Generator(4 * seed + 3);
        TestImages.Bytes(sets[AugClass.Aug1]).Should().Equal(TestImages.Bytes(shear.Apply(images, firstStream)));
        TestImages.Bytes(sets[AugClass.Aug2]).Should().Equal(TestImages.Bytes(noise.Apply(images, secondStream)));
        TestImages.Bytes(sets[AugClass.Compose]).Should().Equal(TestImages.Bytes(noise.Apply(sets[AugClass.Aug1], composedStream)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sets_and_another_seed_other_sets()
    {
        using var scope = NewDisposeScope();
        var images = TestImages.Random(4, seed: 3);
        var pair = AugmentationRegistry.Pair("edge_detect", "sap_noise");

        var sets = pair.Apply(images, seed: 5);
        var again = pair.Apply(images, seed: 5);
        var other = pair.Apply(images, seed: 6);

        for (var k = 1; k < 4; k++)
        {
            TestImages.Bytes(again[(AugClass)k]).Should().Equal(TestImages.Bytes(sets[(AugClass)k]), because: $"set {pair.SetNames[k]} with the same seed");
            TestImages.Bytes(other[(AugClass)k]).Should().NotEqual(TestImages.Bytes(sets[(AugClass)k]), because: $"set {pair.SetNames[k]} with another seed");
        }
    }
}
