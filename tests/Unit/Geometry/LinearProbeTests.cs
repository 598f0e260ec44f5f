using LaVae.Geometry;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Geometry;

public class LinearProbeTests
{
    [Fact]
    public void Predicts_what_scikit_learns_ridge_classifier_predicts()
    {
        using var scope = NewDisposeScope();
        var clouds = ProjectionReference.Section("silhouette");
        var x = clouds.Tensor("x");
        var labels = tensor(clouds.Labels("labels"));
        var even = arange(0, x.size(0), 2);
        var odd = arange(1, x.size(0), 2);
        var probe = ProjectionReference.Section("probe");

        var predictions = LinearProbe.Predict(x.index_select(0, even), labels.index_select(0, even), x.index_select(0, odd));

        Approx.Values(predictions).Should().Equal(probe.Values("predictions"));
        LinearProbe.Accuracy(x.index_select(0, even), labels.index_select(0, even), x.index_select(0, odd), labels.index_select(0, odd))
            .Should().BeApproximately(probe.Number("accuracy"), 1e-12);
    }

    [Fact]
    public void Separates_two_classes_on_either_side_of_zero()
    {
        using var scope = NewDisposeScope();
        var train = tensor(new double[] { -2, -1, 1, 2 }, new long[] { 4, 1 });
        var test = tensor(new double[] { -1.5, -0.2, 0.2, 5 }, new long[] { 4, 1 });

        var predictions = LinearProbe.Predict(train, tensor(new long[] { 0, 0, 1, 1 }), test, alpha: 0);

        // Targets ±1, centred data: w = Σx·y/Σx² = 6/10 per class sign, intercept 0: the boundary is x = 0.
        Approx.Values(predictions).Should().Equal(0, 0, 1, 1);
    }
}
