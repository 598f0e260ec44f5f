using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

public class AugmentationCloudsTests
{
    /// <summary>Digits 1, 3 and 4 of six are of class 2.</summary>
    private static readonly byte[] Labels = [7, 2, 1, 2, 2, 0];

    [Fact]
    public void Each_cloud_holds_the_class_digits_in_its_space()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae();
        using var test = Tiny.UnrelatedSets(6, seed: 4);

        using var clouds = AugmentationClouds.Of(model, test, Labels);

        clouds.PerCloud.Should().Be(3);
        Approx.Values(clouds.CloudIndex).Should().Equal(0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3);
        using var noGrad = no_grad();
        var chosen = Tiny.Indices(1, 3, 4);
        var z0 = model.Encode(test.Batch(AugClass.Orig, chosen)).Mu;
        Tensor[] latents = [z0, model.Augment(z0, 0), model.Augment(z0, 1), model.Augment(model.Augment(z0, 0), 1)];
        AugClass[] classes = [AugClass.Orig, AugClass.Aug1, AugClass.Aug2, AugClass.Compose];
        for (var k = 0; k < 4; k++)
        {
            clouds.Cloud(clouds.Images, k).ShouldBeClose(Approx.Values(test.Batch(classes[k], chosen).flatten(1)), 0, $"images of cloud {k}");
            clouds.Cloud(clouds.Latents, k).ShouldBeClose(Approx.Values(latents[k]), 1e-6, $"latents of cloud {k}");
            clouds.Cloud(clouds.Reconstructions, k).ShouldBeClose(Approx.Values(model.Decode(latents[k]).flatten(1)), 1e-6, $"reconstructions of cloud {k}");
        }
    }

    [Fact]
    public void A_class_with_fewer_than_two_digits_is_refused()
    {
        using var model = Tiny.Lavae();
        using var test = Tiny.Sets(6, seed: 4);

        var act = () => AugmentationClouds.Of(model, test, Labels, digit: 7);

        act.Should().Throw<InvalidOperationException>().WithMessage("*1 digit(s) of class 7*");
    }

    [Fact]
    public void Legend_names_say_which_augmentation_each_cloud_is()
    {
        AugmentationClouds.Names(["shearX", "canny"]).Should().Equal("orig", "A1 (shearX)", "A2 (canny)", "compose");
    }
}
