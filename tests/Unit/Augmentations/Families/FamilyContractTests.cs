using LaVae.Augmentations;
using LaVae.Augmentations.Families;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations.Families;

/// <summary>What every family's augmentation promises, checked for each family in AugmentationFamilies.All.</summary>
public class FamilyContractTests
{
    private const int Count = 8;

    public static TheoryData<string> Names => FamilyExamples.Names;

    public static TheoryData<string> RangedNames => FamilyExamples.RangedNames;

    public static TheoryData<string> NoiselessNames => new(AugmentationFamilies.All.Where(family => !FamilyExamples.DrawsNoise(family)).Select(family => family.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Keeps_the_shape_the_uint8_dtype_and_the_device_and_leaves_its_input_alone(string name)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var images = TestImages.Random(Count, seed: 42);
        var before = TestImages.Bytes(images);

        var output = Create(name, ranged: false).Apply(images, generator);

        output.shape.Should().Equal(Count, TestImages.Side, TestImages.Side);
        output.dtype.Should().Be(ScalarType.Byte);
        output.device.ToString().Should().Be(images.device.ToString());
        TestImages.Bytes(images).Should().Equal(before, because: $"{name} must not write into its input");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_same_seed_gives_the_same_images(string name)
    {
        using var scope = NewDisposeScope();
        var images = TestImages.Random(Count, seed: 43);
        var family = FamilyExamples.Family(name);
        foreach (var values in new[] { FamilyExamples.Typical(family), FamilyExamples.Ranged(family) }.OfType<Dictionary<string, ParameterValue>>())
        {
            using var generator = new Generator(9);
            using var sameSeed = new Generator(9);

            var first = family.Create(name, values).Apply(images, generator);
            var second = family.Create(name, values).Apply(images, sameSeed);

            TestImages.Bytes(second).Should().Equal(TestImages.Bytes(first));
        }
    }

    [Theory]
    [MemberData(nameof(RangedNames))]
    public void A_range_is_drawn_per_image(string name)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var images = Pattern().expand(Count, TestImages.Side, TestImages.Side).contiguous();

        var output = Create(name, ranged: true).Apply(images, generator);

        var distinct = Enumerable.Range(0, Count).Select(n => Convert.ToBase64String(TestImages.Bytes(output.select(0, n)))).Distinct().Count();
        distinct.Should().Be(Count, because: "the same image with a value drawn per image comes out different each time");
    }

    /// <summary>The noise families' noise is their point: NoiseFamilyTests and the elastic test below check what they draw.</summary>
    [Theory]
    [MemberData(nameof(NoiselessNames))]
    public void Fixed_values_draw_nothing_from_the_generator(string name)
    {
        var family = FamilyExamples.Family(name);
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        using var fresh = new Generator(5);

        family.Create(name, FamilyExamples.Typical(family)).Apply(TestImages.Random(Count, seed: 44), generator);

        var next = rand([4], ScalarType.Float64, generator: generator);
        var unused = rand([4], ScalarType.Float64, generator: fresh);
        next.ToArray<double>().Should().Equal(unused.ToArray<double>(), because: "a fixed value needs no draw");
    }

    [Fact]
    public void Elastic_draws_its_two_noise_fields_and_nothing_else()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(6);
        using var fresh = new Generator(6);
        var images = TestImages.Random(Count, seed: 45);
        var family = FamilyExamples.Family("elastic");

        var output = family.Create("elastic", FamilyExamples.Typical(family)).Apply(images, generator);

        var dx = rand(images.shape, ScalarType.Float32, generator: fresh);
        var dy = rand(images.shape, ScalarType.Float32, generator: fresh);
        TestImages.Bytes(output).Should().Equal(TestImages.Bytes(Elastic.Apply(images, Elastic.Displacement(dx, dy, 50, 5))));
    }

    private static Augmentation Create(string name, bool ranged)
    {
        var family = FamilyExamples.Family(name);
        return family.Create(name, ranged ? FamilyExamples.Ranged(family)! : FamilyExamples.Typical(family));
    }

    /// <summary>An image with no symmetry, so that every geometric change shows.</summary>
    private static Tensor Pattern() =>
        TestImages.Drawn((row, column) => (byte)(((row * 7) + (column * 3)) % 200 + (row < 10 && column < 6 ? 55 : 0)));
}
