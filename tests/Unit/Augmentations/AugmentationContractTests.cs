using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

/// <summary>What every augmentation promises, checked for each registered name.</summary>
public class AugmentationContractTests
{
    private const int Count = 16;

    public static TheoryData<string> Names => new(AugmentationRegistry.Names);

    public static TheoryData<string> RandomNames => new("edge_detect", "shearX", "canny", "gaussian_blur", "tl_sap_noise", "sap_noise");

    [Theory]
    [MemberData(nameof(Names))]
    public void Keeps_the_shape_and_the_uint8_dtype_and_leaves_its_input_alone(string name)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var images = TestImages.Random(Count, seed: 42);
        var before = TestImages.Bytes(images);

        var output = AugmentationRegistry.Get(name).Apply(images, generator);

        output.shape.Should().Equal(Count, TestImages.Side, TestImages.Side);
        output.dtype.Should().Be(ScalarType.Byte, because: "uint8 also bounds the values to [0, 255]");
        output.device.ToString().Should().Be(images.device.ToString());
        TestImages.Bytes(images).Should().Equal(before, because: $"{name} must not write into its input");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_same_seed_gives_the_same_images(string name)
    {
        using var scope = NewDisposeScope();
        var images = TestImages.Random(Count, seed: 43);
        using var generator = new Generator(9);
        using var sameSeed = new Generator(9);

        var first = AugmentationRegistry.Get(name).Apply(images, generator);
        var second = AugmentationRegistry.Get(name).Apply(images, sameSeed);

        TestImages.Bytes(second).Should().Equal(TestImages.Bytes(first));
    }

    [Theory]
    [MemberData(nameof(RandomNames))]
    public void Another_seed_gives_other_images(string name)
    {
        using var scope = NewDisposeScope();
        var images = TestImages.Random(Count, seed: 44);
        using var generator = new Generator(9);
        using var otherSeed = new Generator(10);

        var first = AugmentationRegistry.Get(name).Apply(images, generator);
        var second = AugmentationRegistry.Get(name).Apply(images, otherSeed);

        TestImages.Bytes(second).Should().NotEqual(TestImages.Bytes(first));
    }

    [Fact]
    public void Frees_its_intermediates_and_hands_the_result_to_the_callers_scope()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var images = TestImages.Random(2, seed: 45);
        var owned = scope.DisposablesCount;

        var output = new Canny().Apply(images, generator);

        scope.DisposablesCount.Should().Be(owned + 1, because: "only the result joins the caller's scope");
        output.IsInvalid.Should().BeFalse();
    }

    [Theory]
    [InlineData(ScalarType.Float32, 28)]
    [InlineData(ScalarType.Byte, 27)]
    public void Rejects_anything_but_uint8_28x28_batches(ScalarType dtype, int side)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var images = zeros([2, side, side], dtype);

        var act = () => new FlipLeftRight().Apply(images, generator);

        act.Should().Throw<ArgumentException>().WithMessage("*uint8 images of shape (N, 28, 28)*");
    }
}
