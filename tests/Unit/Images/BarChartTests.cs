using System.Globalization;
using System.Xml.Linq;
using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

/// <summary>The grouped bar chart: bar heights proportional to their values, the same layout in PNG and SVG.</summary>
public sealed class BarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static BarChart Chart() => new(
        "accuracy by source",
        "test accuracy",
        ["plain", "augmented"],
        [
            ("none", [new Bar(0.9, 0.88, 0.92), new Bar(0.5, 0.5, 0.5)]),
            ("latent", [new Bar(0.95, 0.94, 0.96), new Bar(0.25, 0.2, 0.3)]),
        ]);

    private static int Number(XElement element, string attribute) => (int)double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Each_bar_is_a_rect_whose_height_is_its_value_on_the_axis()
    {
        var chart = Chart();

        var svg = XDocument.Parse(chart.RenderSvg().ToString());

        var bars = svg.Descendants(Svg + "rect").Where(rect => (string?)rect.Attribute("class") == "bar").ToList();
        bars.Should().HaveCount(4);
        var full = chart.YOf(0) - chart.YOf(1);
        bars.Select(bar => Number(bar, "height")).Should().Equal(
            new[] { 0.9, 0.5, 0.95, 0.25 }.Select(value => (int)Math.Round(value * full)));
        bars.Select(bar => Number(bar, "x")).Should().Equal(chart.XOf(0, 0), chart.XOf(0, 1), chart.XOf(1, 0), chart.XOf(1, 1));
        svg.Descendants(Svg + "text").Select(text => text.Value).Should().Contain(["0.950", "0.250", "none", "latent", "plain", "augmented", "test accuracy", "1.0", "0.0"]);
    }

    [Fact]
    public void The_PNG_fills_each_bar_in_its_series_colour_and_draws_the_spread_over_it()
    {
        var chart = Chart();

        var png = chart.RenderPng();

        png.Width.Should().Be(chart.Width);
        var x = chart.XOf(1, 1) + 4;
        var y = chart.YOf(0.1);
        (png[x, y, 0], png[x, y, 1], png[x, y, 2]).Should().Be((BarChart.Colour(1).R, BarChart.Colour(1).G, BarChart.Colour(1).B));
        var whisker = chart.XOf(1, 1) + 18;
        png[whisker, chart.YOf(0.28), 0].Should().BeLessThan(60, "the min-max whisker of the second bar of 'latent' (0.2-0.3) is dark");
        png[whisker, chart.YOf(0.35), 0].Should().Be(255, "above the whisker the plot is white");
    }
}

/// <summary>Layout: long group labels and a long title fit without overlapping.</summary>
public sealed class BarChartLayoutTests
{
    [Fact]
    public void Long_group_labels_stand_apart_and_the_title_fits()
    {
        var labels = new[] { "no augmentation", "image augmentations", "LAVAE latent augmentations", "latent navigation" };
        var chart = new BarChart(
            "Classifier on 1000 labelled digits, by augmentation (2 seeds)",
            "test accuracy",
            ["plain test digits", "augmented test digits (flip_lr,flip_ud)"],
            labels.Select(label => (label, (IReadOnlyList<Bar>)[new Bar(0.9, 0.9, 0.9), new Bar(0.3, 0.3, 0.3)])).ToList());

        chart.Width.Should().BeGreaterThanOrEqualTo(BitmapFont.Measure(chart.Title, 2).Width);
        for (var g = 1; g < labels.Length; g++)
        {
            var pitch = chart.XOf(g, 0) - chart.XOf(g - 1, 0);
            pitch.Should().BeGreaterThan((BitmapFont.Measure(labels[g]).Width + BitmapFont.Measure(labels[g - 1]).Width) / 2, "neighbouring labels, centred under their groups, must not touch");
        }

        (chart.XOf(labels.Length - 1, 1) + 36).Should().BeLessThan(chart.Width);
    }
}
