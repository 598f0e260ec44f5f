using LaVae.Artifacts;
using LaVae.Measures;
using LaVae.Tests.Unit.Training;

namespace LaVae.Tests.Unit.Measures;

/// <summary>The transfer heatmap's metric names and the parts each cell is decoded by.</summary>
public class TransferMeasureTests
{
    private static readonly string[] Flips = ["flip_lr", "flip_ud"];
    private static readonly string[] Noises = ["gaussian_noise", "gaussian_blur"];

    private static ExperimentDesign Design(string composition = TransferGrid.OwnComposition) =>
        new("mnist", Pair: null, Models: [], new TransferGrid([Flips, Noises], [Flips, Noises], composition, PaperTable: null), TinyTraining.Settings());

    private static readonly TransferMeasure Measure = (TransferMeasure)MeasureRegistry.Get("transfer");

    [Fact]
    public void A_2x2_grid_reports_every_cell_in_both_measures_and_five_columns()
    {
        var names = Measure.MetricNames(Design()).ToList();

        var cells = new[] { "flip_lr,flip_ud", "gaussian_noise,gaussian_blur" };
        var expected =
            from source in cells
            from target in cells
            from measure in new[] { "bce", "sse" }
            from column in new[] { "orig", "aug1", "aug2", "compose", "total" }
            select $"transfer.{source}.{target}.{measure}.{column}";
        names.Should().Equal(expected);
        names.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        names.Should().Contain("transfer.flip_lr,flip_ud.gaussian_noise,gaussian_blur.bce.total");
        TransferMeasure.Metric("a,b", "c,d", "sse", "aug1").Should().Be("transfer.a,b.c,d.sse.aug1");
    }

    [Fact]
    public void The_diagonal_needs_the_latent_space_and_other_cells_a_head_on_the_sources_space()
    {
        var design = Design();

        var needs = Measure.Needs(design, seed: 3).ToList();

        needs.Should().HaveCount(4);
        needs[0].Should().Be(new ArtifactSpec("lavae", "mnist", Flips, 3, design.Settings));
        needs[3].Should().Be(new ArtifactSpec("lavae", "mnist", Noises, 3, design.Settings));
        AssertHead(needs[1], source: Flips, target: Noises, seed: 3, design);
        AssertHead(needs[2], source: Noises, target: Flips, seed: 3, design);
    }

    [Fact]
    public void A_cell_is_found_by_pair_names_so_an_equal_list_is_the_diagonal()
    {
        var design = Design();

        TransferMeasure.Cell(design, ["flip_lr", "flip_ud"], Flips, seed: 1).Kind.Should().Be("lavae");
        TransferMeasure.Cell(design, ["flip_ud", "flip_lr"], Flips, seed: 1).Kind.Should().Be("transfer_head");
    }

    [Fact]
    public void Heads_of_an_authors_grid_carry_whether_they_train_the_composition_into_their_keys()
    {
        var own = Measure.Needs(Design(), seed: 1).Where(spec => spec.Source is not null).ToList();
        var authors = Measure.Needs(Design(TransferGrid.AuthorsComposition), seed: 1).Where(spec => spec.Source is not null).ToList();

        own.Select(spec => spec.TrainsComposition).Should().Equal(true, true);
        authors.Select(spec => spec.TrainsComposition).Should().Equal(new[] { true, true }, "in a 2x2 grid each source's only other target is its first");
        var three = Design(TransferGrid.AuthorsComposition) with
        {
            Transfer = new TransferGrid([Flips], [Flips, Noises, ["rotate_90", "flip_lr"]], TransferGrid.AuthorsComposition, null),
        };
        Measure.Needs(three, seed: 1).Select(spec => (spec.Kind, spec.TrainsComposition)).Should().Equal(
            ("lavae", true), ("transfer_head", true), ("transfer_head", false));
    }

    [Fact]
    public void A_design_without_a_transfer_block_is_refused()
    {
        Measure.Problem(Design() with { Transfer = null }).Should().Be("'transfer' needs a 'transfer' block (sources, targets)");
        Measure.Problem(Design()).Should().BeNull();
    }

    private static void AssertHead(ArtifactSpec head, string[] source, string[] target, int seed, ExperimentDesign design)
    {
        head.Kind.Should().Be("transfer_head");
        head.Pair.Should().Equal(target, "a head trains on its target pair");
        head.Seed.Should().Be(seed);
        head.Source.Should().Be(design.LatentSpace(source, seed), "a head reads the latent space of its source pair");
        head.Source!.Pair.Should().Equal(source);
        head.TrainsComposition.Should().BeTrue();
    }
}
