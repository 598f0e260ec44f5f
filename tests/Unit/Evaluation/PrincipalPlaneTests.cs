using LaVae.Evaluation;
using LaVae.Tests.Unit.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>The PCA plane of the recursion figure on points whose principal axes are known.</summary>
public class PrincipalPlaneTests
{
    [Fact]
    public void Points_spread_along_two_known_axes_project_onto_them_up_to_sign()
    {
        using var scope = Engine.NewDisposeScope();
        // In 3-D: large spread along (0, 1, 0), smaller along (1, 0, 0), none along z; offset by (5, 5, 5).
        double[][] points = [[1, 10, 0], [-1, -10, 0], [1, -10, 0], [-1, 10, 0], [0, 0, 0]];
        var tensor = ByHand.Float(points.SelectMany(p => p.Select(v => v + 5)).ToArray(), 5, 3);

        var projected = ByHand.Values(PrincipalPlane.Projection(tensor, tensor));

        for (var i = 0; i < points.Length; i++)
        {
            Math.Abs(projected[2 * i]).Should().BeApproximately(Math.Abs(points[i][1]), 1e-4, "first axis: the y spread");
            Math.Abs(projected[(2 * i) + 1]).Should().BeApproximately(Math.Abs(points[i][0]), 1e-4, "second axis: the x spread");
        }

        var other = ByHand.Values(PrincipalPlane.Projection(tensor, ByHand.Float([5, 5, 9], 1, 3)));
        other.Should().HaveCount(2);
        other.Select(Math.Abs).Should().AllSatisfy(v => v.Should().BeLessThan(1e-4), "a point off the plane, above the mean, projects to the origin");
    }
}
