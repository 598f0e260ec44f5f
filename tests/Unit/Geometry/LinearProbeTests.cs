using LaVae.Geometry;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Geometry;

public class LinearProbeTests
{
    [Fact]
    public void Predicts_what_scikit_learns_ridge_classifier_predicts()
    {
        using var scope = Engine.NewDisposeScope();
        var clouds = ProjectionReference.Section("silhouette");
        var x = clouds.Tensor("x");
        var labels = Tensor.From(clouds.Labels("labels"));
        var even = Tensor.Arange(0, x.Size(0), 2);
        var odd = Tensor.Arange(1, x.Size(0), 2);
        var probe = ProjectionReference.Section("probe");

        var predictions = LinearProbe.Predict(x.IndexSelect(0, even), labels.IndexSelect(0, even), x.IndexSelect(0, odd));

        Approx.Values(predictions).Should().Equal(probe.Values("predictions"));
        LinearProbe.Accuracy(x.IndexSelect(0, even), labels.IndexSelect(0, even), x.IndexSelect(0, odd), labels.IndexSelect(0, odd))
            .Should().BeApproximately(probe.Number("accuracy"), 1e-12);
    }

    [Fact]
    public void Separates_two_classes_on_either_side_of_zero()
    {
        using var scope = Engine.NewDisposeScope();
        var train = Tensor.From<double>([-2, -1, 1, 2], 4, 1);
        var test = Tensor.From<double>([-1.5, -0.2, 0.2, 5], 4, 1);

        var predictions = LinearProbe.Predict(train, Tensor.From<long>([0, 0, 1, 1]), test, alpha: 0);

        // Targets ±1, centred data: w = Σx·y/Σx² = 6/10 per class sign, intercept 0: the boundary is x = 0.
        Approx.Values(predictions).Should().Equal(0, 0, 1, 1);
    }
}
