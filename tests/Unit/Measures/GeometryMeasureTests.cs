using LaVae.Artifacts;
using LaVae.Measures;
using LaVae.Tests.Unit.Training;

namespace LaVae.Tests.Unit.Measures;

/// <summary>The geometry measure's metric names and the latent spaces it reads (its numbers are the Geometry tests' silhouette and spread).</summary>
public class GeometryMeasureTests
{
    private static readonly string[] Flips = ["flip_lr", "flip_ud"];
    private static readonly string[] ShearCanny = ["shearX", "canny"];

    private static readonly IMeasure Measure = MeasureRegistry.Get("geometry");

    private static ExperimentDesign Design() =>
        new ExperimentDesign("mnist", Pair: null, Models: [], Transfer: null, TinyTraining.Settings()) { Pairs = [Flips, ShearCanny] };

    [Fact]
    public void Every_pair_reports_two_silhouettes_a_probe_and_three_spreads()
    {
        var names = Measure.MetricNames(Design()).ToList();

        names.Should().Equal(
            "geometry.flip_lr,flip_ud.latent.silhouette",
            "geometry.flip_lr,flip_ud.image.silhouette",
            "geometry.flip_lr,flip_ud.latent.probe_accuracy",
            "geometry.flip_lr,flip_ud.latent.log_det_ratio.aug1",
            "geometry.flip_lr,flip_ud.latent.log_det_ratio.aug2",
            "geometry.flip_lr,flip_ud.latent.log_det_ratio.compose",
            "geometry.shearX,canny.latent.silhouette",
            "geometry.shearX,canny.image.silhouette",
            "geometry.shearX,canny.latent.probe_accuracy",
            "geometry.shearX,canny.latent.log_det_ratio.aug1",
            "geometry.shearX,canny.latent.log_det_ratio.aug2",
            "geometry.shearX,canny.latent.log_det_ratio.compose");
    }

    [Fact]
    public void It_reads_the_latent_space_of_each_pair()
    {
        var design = Design();

        Measure.Needs(design, seed: 2).Should().Equal(
            new ArtifactSpec("lavae", "mnist", Flips, 2, design.Settings),
            new ArtifactSpec("lavae", "mnist", ShearCanny, 2, design.Settings));
    }

    [Fact]
    public void A_design_without_pairs_is_refused()
    {
        Measure.Problem(new ExperimentDesign("mnist", Pair: null, Models: [], Transfer: null, TinyTraining.Settings())).Should().Contain("declare 'pair' or 'pairs'");
        Measure.Problem(Design()).Should().BeNull();
    }
}
