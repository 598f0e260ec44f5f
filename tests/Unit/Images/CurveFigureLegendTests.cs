using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

public class CurveFigureLegendTests
{
    [Fact]
    public void Long_legend_labels_take_rows_of_their_own_instead_of_overlapping()
    {
        // Four panels side by side: wide enough for three short labels on one legend row.
        static CurveFigure Figure(string label) => new("curves", [.. new[] { "loss", "bce", "kl", "map_mse" }.Select(term => new CurvePanel($"stage1: {term}", "epoch", term,
            [.. Enumerable.Range(1, 3).Select(seed => new CurveSeries($"{label} (seed {seed})", new RgbColour(0, 0, 0), [(1, 2.0), (2, 1.0)]))]))], 4);

        var shortLabels = Figure("LAVAE on flip_lr,flip_ud");
        var longLabels = Figure("LAVAE on sequence(translate(x=3;y=0);gaussian_blur(sigma=1;kernel_size=7)),rotate(degrees=90)");

        longLabels.Width.Should().Be(shortLabels.Width);
        longLabels.Height.Should().BeGreaterThan(shortLabels.Height, "three labels wider than a third of the figure each take a legend row");
    }
}
