using LaVae.Measures;

namespace LaVae.Tests.Unit.Measures;

/// <summary>Which heads of a transfer grid learn the composition target.</summary>
public class TransferGridTests
{
    private static readonly string[] Flips = ["flip_lr", "flip_ud"];
    private static readonly string[] Noises = ["gaussian_noise", "gaussian_blur"];
    private static readonly string[] Turns = ["rotate_90", "flip_lr"];
    private static readonly string[] Shears = ["shear_x", "flip_ud"];

    private static TransferGrid Grid(string composition) => new([Flips, Noises, Shears], [Flips, Noises, Turns], composition, PaperTable: null);

    [Fact]
    public void With_their_own_composition_every_head_learns_it()
    {
        var grid = Grid(TransferGrid.OwnComposition);

        foreach (var source in grid.Sources)
        {
            grid.Targets.Should().OnlyContain(target => grid.TrainsComposition(source, target));
        }
    }

    [Fact]
    public void As_the_authors_only_the_first_target_other_than_the_source_learns_it()
    {
        var grid = Grid(TransferGrid.AuthorsComposition);

        Learners(grid, Flips).Should().Equal([false, true, false], "the first target is the source itself, so the second is the first head");
        Learners(grid, Noises).Should().Equal([true, false, false]);
        Learners(grid, Shears).Should().Equal([true, false, false], "a source outside the targets: the first target is the first head");
    }

    [Fact]
    public void Pairs_are_compared_by_their_names_not_their_lists()
    {
        var grid = Grid(TransferGrid.AuthorsComposition);

        grid.TrainsComposition(["flip_lr", "flip_ud"], ["gaussian_noise", "gaussian_blur"]).Should().BeTrue();
        grid.TrainsComposition(["flip_lr", "flip_ud"], ["rotate_90", "flip_lr"]).Should().BeFalse();
        TransferGrid.Name(Noises).Should().Be("gaussian_noise,gaussian_blur");
    }

    private static bool[] Learners(TransferGrid grid, string[] source) => grid.Targets.Select(target => grid.TrainsComposition(source, target)).ToArray();
}
