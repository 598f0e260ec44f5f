using LaVae.Evaluation;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>The class mapping of a swap against confusions counted by hand.</summary>
public class ClassMappingTests
{
    [Fact]
    public void A_known_confusion_gives_its_counts_diagonal_and_chance()
    {
        // true:      0 0 0 1 1 2 2 2
        // predicted: 0 1 0 1 2 0 2 2   → diagonal 0,_,0,1,_,_,2,2 = 5 of 8
        long[] truth = [0, 0, 0, 1, 1, 2, 2, 2];
        long[] predicted = [0, 1, 0, 1, 2, 0, 2, 2];

        var mapping = new ClassMapping(truth, predicted, classes: 3);

        mapping.Counts.Should().BeEquivalentTo(new long[,] { { 2, 1, 0 }, { 0, 1, 1 }, { 1, 0, 2 } });
        mapping.Diagonal.Should().Be(5.0 / 8);
        // P(true) = (3, 2, 3)/8, P(predicted) = (3, 2, 3)/8: chance = (9 + 4 + 9)/64.
        mapping.Chance.Should().BeApproximately(22.0 / 64, 1e-15);
        mapping.MostPredicted(0).Should().Be(0);
        mapping.MostPredicted(1).Should().Be(1, "a tie between 1 and 2 goes to the lower index");
    }

    [Fact]
    public void A_permutation_has_no_diagonal_and_uniform_marginals_have_chance_one_tenth()
    {
        var truth = Enumerable.Range(0, 100).Select(i => (long)(i % 10)).ToArray();
        var shifted = truth.Select(c => (c + 1) % 10).ToArray();

        var mapping = new ClassMapping(truth, shifted, classes: 10);

        mapping.Diagonal.Should().Be(0);
        mapping.Chance.Should().BeApproximately(0.1, 1e-15);
        mapping.MostPredicted(9).Should().Be(0);
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        var act = () => new ClassMapping([0, 1], [0], classes: 2);
        act.Should().Throw<ArgumentException>();
    }
}
