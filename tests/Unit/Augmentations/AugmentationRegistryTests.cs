using LaVae.Augmentations;

namespace LaVae.Tests.Unit.Augmentations;

public class AugmentationRegistryTests
{
    [Fact]
    public void Knows_the_eleven_augmentations_of_the_paper()
    {
        AugmentationRegistry.Names.Should().Equal(
            "flip_lr", "flip_ud", "rotate_cw", "rotate_ccw", "mini_image", "edge_detect", "shearX", "canny",
            "gaussian_blur", "tl_sap_noise", "sap_noise");
    }

    [Theory]
    [InlineData("flip_lr", typeof(FlipLeftRight))]
    [InlineData("shearX", typeof(ShearX))]
    [InlineData("tl_sap_noise", typeof(TopLeftNoise))]
    public void Finds_an_augmentation_by_its_name(string name, Type type)
    {
        var augmentation = AugmentationRegistry.Get(name);

        augmentation.Should().BeOfType(type);
        augmentation.Name.Should().Be(name);
    }

    [Fact]
    public void An_unknown_name_is_an_error_that_lists_the_known_ones()
    {
        var act = () => AugmentationRegistry.Get("shearx");

        act.Should().Throw<ArgumentException>().WithMessage("unknown augmentation 'shearx'; known: flip_lr, flip_ud, *, shearX, *, sap_noise*");
    }
}
