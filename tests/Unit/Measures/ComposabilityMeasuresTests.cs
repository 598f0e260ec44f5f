using LaVae.Artifacts;
using LaVae.Measures;
using LaVae.Tests.Unit.Training;

namespace LaVae.Tests.Unit.Measures;

/// <summary>The metric names and trained parts of the composability, inversion and recursion measures.</summary>
public class ComposabilityMeasuresTests
{
    private static readonly string[] Flips = ["flip_lr", "flip_ud"];
    private static readonly string[] RotateFlip = ["rotate_cw", "flip_lr"];

    private static ExperimentDesign Design(params string[] models) =>
        new("mnist", Pair: null, Models: models, Transfer: null, TinyTraining.Settings()) { Pairs = [Flips, RotateFlip] };

    [Fact]
    public void Composability_names_the_commutators_and_each_models_composition_per_pair()
    {
        var measure = MeasureRegistry.Get("composability");

        var names = measure.MetricNames(Design("lavae", "cvae_auginv")).ToList();

        names.Should().OnlyHaveUniqueItems().And.HaveCount(2 * (4 + 4 + 2));
        names.Should().Contain([
            "composability.flip_lr,flip_ud.image_commutator",
            "composability.rotate_cw,flip_lr.image_redraw_difference",
            "composability.rotate_cw,flip_lr.lavae.latent_commutator",
            "composability.rotate_cw,flip_lr.lavae.decoded_commutator",
            "composability.flip_lr,flip_ud.lavae.bce.reverse_compose",
            "composability.flip_lr,flip_ud.lavae.sse.compose",
            "composability.rotate_cw,flip_lr.cvae_auginv.bce.compose",
        ]);
        names.Should().NotContain("composability.flip_lr,flip_ud.cvae_auginv.bce.reverse_compose", "a CVAE has no order to reverse");
        measure.Needs(Design("lavae", "cvae_auginv"), seed: 2).Should().Equal(
            new ArtifactSpec("lavae", "mnist", Flips, 2, TinyTraining.Settings()),
            new ArtifactSpec("cvae_auginv", "mnist", Flips, 2, TinyTraining.Settings()),
            new ArtifactSpec("lavae", "mnist", RotateFlip, 2, TinyTraining.Settings()),
            new ArtifactSpec("cvae_auginv", "mnist", RotateFlip, 2, TinyTraining.Settings()));
    }

    [Theory]
    [InlineData("composability")]
    [InlineData("inversion")]
    [InlineData("recursion")]
    public void Each_needs_lavae_among_the_models(string name)
    {
        var measure = MeasureRegistry.Get(name);

        measure.Problem(Design("lavae")).Should().BeNull();
        measure.Problem(Design("cvae_auginv")).Should().Contain("lavae");
        measure.Problem(new ExperimentDesign("mnist", null, ["lavae"], null, TinyTraining.Settings())).Should().Contain("pairs");
    }

    [Fact]
    public void Inversion_names_the_columns_their_ratios_to_orig_and_the_maps_residuals()
    {
        var names = MeasureRegistry.Get("inversion").MetricNames(Design("lavae")).ToList();

        names.Should().OnlyHaveUniqueItems().And.HaveCount(2 * ((9 * 2) + 8 + 4));
        names.Should().Contain([
            "inversion.flip_lr,flip_ud.lavae.bce.orig",
            "inversion.flip_lr,flip_ud.lavae.sse.inverse_compose",
            "inversion.rotate_cw,flip_lr.lavae.relative.inverse_aug1",
            "inversion.rotate_cw,flip_lr.lavae.relative.uninverted_aug2",
            "inversion.rotate_cw,flip_lr.lavae.involution_residual.l2",
            "inversion.flip_lr,flip_ud.lavae.condition.l1",
        ]);
        names.Should().NotContain("inversion.flip_lr,flip_ud.lavae.relative.orig");
        MeasureRegistry.Get("inversion").Needs(Design("lavae"), seed: 1).Select(spec => spec.Kind).Should().Equal("lavae", "lavae");
    }

    [Fact]
    public void Recursion_names_every_step_quartile_of_both_paths_per_map()
    {
        var names = MeasureRegistry.Get("recursion").MetricNames(Design("lavae")).ToList();

        // Per pair: one reference; per map: the bound, and per path a share and 8 steps x 3 quartiles.
        names.Should().OnlyHaveUniqueItems().And.HaveCount(2 * (1 + (2 * (1 + (2 * (1 + (8 * 3)))))));
        names.Should().Contain([
            "recursion.flip_lr,flip_ud.other_digit.median",
            "recursion.flip_lr,flip_ud.lavae.flip_ud.stable_bound",
            "recursion.rotate_cw,flip_lr.lavae.rotate_cw.image_loop.step8.median",
            "recursion.rotate_cw,flip_lr.lavae.flip_lr.latent_power.step1.q3",
            "recursion.flip_lr,flip_ud.lavae.flip_lr.image_loop.stable_share",
        ]);
    }
}

/// <summary>The Fig. 5 figure reads the recursion measure's run of a trained model rather than repeating it.</summary>
public class RecursionRunReuseTests
{
    [Fact]
    public void A_models_run_is_computed_once_per_map_seed_and_test_set()
    {
        using var scope = NewDisposeScope();
        using var model = LaVae.Tests.Unit.Models.Tiny.Lavae(seed: 2);
        using var sets = LaVae.Tests.Unit.Models.Tiny.Sets(3, seed: 1);

        var first = RecursionMeasure.Run(model, 0, "flip_lr", sets.Orig, seed: 1);

        RecursionMeasure.Run(model, 0, "flip_lr", sets.Orig, seed: 1).Should().BeSameAs(first);
        RecursionMeasure.Run(model, 1, "flip_ud", sets.Orig, seed: 1).Should().NotBeSameAs(first);
        using var other = LaVae.Tests.Unit.Models.Tiny.Lavae(seed: 2);
        var again = RecursionMeasure.Run(other, 0, "flip_lr", sets.Orig, seed: 1);
        again.Should().NotBeSameAs(first, "another model instance is another trained part");
        again.ImageLoop[^1].Should().Equal(first.ImageLoop[^1], "the same weights give the same errors");
    }
}
