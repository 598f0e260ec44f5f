using LaVae.Geometry;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Geometry;

public class SilhouetteTests
{
    [Theory]
    [InlineData("x", "labels", "value")]
    public void Matches_scikit_learn(string data, string labels, string value)
    {
        using var scope = NewDisposeScope();
        var reference = ProjectionReference.Section("silhouette");

        var measured = Silhouette.Score(reference.Tensor(data), tensor(reference.Labels(labels)));

        measured.Should().BeApproximately(reference.Number(value), 1e-12);
    }

    [Fact]
    public void Matches_scikit_learn_on_the_tsne_clouds()
    {
        using var scope = NewDisposeScope();
        var clouds = ProjectionReference.Section("tsne");

        var measured = Silhouette.Score(clouds.Tensor("x"), tensor(clouds.Labels("labels")));

        measured.Should().BeApproximately(ProjectionReference.Section("silhouette").Number("tsne_value"), 1e-12);
    }

    [Fact]
    public void Two_pairs_on_a_line_by_hand()
    {
        using var scope = NewDisposeScope();
        // Clusters {0, 1} and {10, 11}: at 0, a = 1 and b = (10 + 11)/2 = 10.5; at 1, a = 1 and b = 9.5;
        // the other cluster mirrors them.
        var points = tensor(new double[] { 0, 1, 10, 11 }, new long[] { 4, 1 });
        var labels = tensor(new long[] { 0, 0, 1, 1 });

        var expected = ((9.5 / 10.5) + (8.5 / 9.5)) / 2;
        Silhouette.Score(points, labels).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void A_point_alone_in_its_cluster_counts_zero()
    {
        using var scope = NewDisposeScope();
        // {0, 1} and {10}: s(0) = (10 − 1)/10, s(1) = (9 − 1)/9, s(10) = 0 (alone).
        var points = tensor(new double[] { 0, 1, 10 }, new long[] { 3, 1 });

        Silhouette.Score(points, tensor(new long[] { 0, 0, 1 })).Should().BeApproximately(((9.0 / 10) + (8.0 / 9)) / 3, 1e-12);
    }
}
