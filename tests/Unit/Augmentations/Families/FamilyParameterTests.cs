using LaVae.Augmentations.Families;

namespace LaVae.Tests.Unit.Augmentations.Families;

/// <summary>The families' declarations: parameters the docs and the YAML parser can rely on, and Check's complaints.</summary>
public class FamilyParameterTests
{
    public static TheoryData<string> Names => FamilyExamples.Names;

    [Fact]
    public void The_registry_lists_every_family_once()
    {
        var names = AugmentationFamilies.All.Select(family => family.Name).ToArray();

        names.Should().OnlyHaveUniqueItems();
        names.Should().BeEquivalentTo(
            "rotate", "shear", "translate", "scale", "affine", "flip", "gaussian_blur", "gaussian_noise", "salt_and_pepper", "invert", "erase", "elastic");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Parameters_have_meanings_unique_names_and_defaults_within_their_bounds(string name)
    {
        var family = FamilyExamples.Family(name);

        family.Meaning.Should().NotBeNullOrWhiteSpace();
        family.Parameters.Select(parameter => parameter.Name).Should().OnlyHaveUniqueItems();
        foreach (var parameter in family.Parameters)
        {
            parameter.Meaning.Should().NotBeNullOrWhiteSpace(because: $"{name}.{parameter.Name} appears in the docs");
            parameter.Min.Should().BeLessThanOrEqualTo(parameter.Max);
            switch (parameter.Default)
            {
                case NumberValue number:
                    number.IsFixed.Should().BeTrue(because: "a default is one value");
                    number.Low.Should().BeInRange(parameter.Min, parameter.Max, because: $"{name}.{parameter.Name}'s default is within its bound");
                    if (parameter.Integer)
                    {
                        number.Low.Should().Be(Math.Round(number.Low));
                    }

                    break;
                case WordValue word:
                    parameter.Choices.Should().Contain(word.Word);
                    break;
                case null:
                    break;
                default:
                    throw new InvalidOperationException($"{name}.{parameter.Name} has an unexpected default {parameter.Default}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Check_accepts_the_defaults_with_typical_values_and_ranges(string name)
    {
        var family = FamilyExamples.Family(name);

        family.Check(FamilyExamples.Typical(family)).Should().BeNull();
        if (FamilyExamples.Ranged(family) is { } ranged)
        {
            family.Check(ranged).Should().BeNull();
        }
    }

    [Fact]
    public void Check_refuses_an_even_kernel_size()
    {
        var family = FamilyExamples.Family("gaussian_blur");

        family.Check(FamilyExamples.Values(family, ("sigma", FamilyExamples.Fixed(1)), ("kernel_size", FamilyExamples.Fixed(6)))).Should().Contain("odd");
    }

    [Fact]
    public void Check_refuses_a_singular_matrix()
    {
        var family = FamilyExamples.Family("affine");

        family.Check(FamilyExamples.Values(family, ("matrix", new ListValue([1, 2, 5, 2, 4, -3])))).Should().Contain("invertible");
    }

    [Theory]
    [InlineData(20, 0, 9, 5)]
    [InlineData(0, 27, 1, 2)]
    [InlineData(27, 27, 2, 2)]
    public void Check_refuses_a_rectangle_that_leaves_the_image(int x, int y, int width, int height)
    {
        var family = FamilyExamples.Family("erase");
        var values = FamilyExamples.Values(family,
            ("x", FamilyExamples.Fixed(x)), ("y", FamilyExamples.Fixed(y)), ("width", FamilyExamples.Fixed(width)), ("height", FamilyExamples.Fixed(height)));

        family.Check(values).Should().Contain("inside");
    }

    [Fact]
    public void Check_accepts_a_rectangle_that_reaches_the_far_edges()
    {
        var family = FamilyExamples.Family("erase");
        var values = FamilyExamples.Values(family,
            ("x", FamilyExamples.Fixed(20)), ("y", FamilyExamples.Fixed(27)), ("width", FamilyExamples.Fixed(8)), ("height", FamilyExamples.Fixed(1)));

        family.Check(values).Should().BeNull();
    }

    [Theory]
    [InlineData(6.875)]
    [InlineData(20)]
    public void Check_refuses_an_elastic_sigma_whose_kernel_outgrows_the_image(double sigma)
    {
        var family = FamilyExamples.Family("elastic");

        family.Check(FamilyExamples.Values(family, ("sigma", FamilyExamples.Fixed(sigma)))).Should().Contain("sigma");
        family.Check(FamilyExamples.Values(family, ("sigma", FamilyExamples.Fixed(6.87)))).Should().BeNull();
    }
}
