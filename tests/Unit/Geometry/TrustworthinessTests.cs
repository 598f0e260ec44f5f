using LaVae.Geometry;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Geometry;

public class TrustworthinessTests
{
    [Theory]
    [InlineData("pca_embedding", "pca_value", 5)]
    [InlineData("noise_embedding", "noise_value", 5)]
    [InlineData("noise_embedding", "noise_value_10", 10)]
    public void Matches_scikit_learn(string embedding, string value, int neighbours)
    {
        using var scope = NewDisposeScope();
        var reference = ProjectionReference.Section("trustworthiness");

        var measured = Trustworthiness.Measure(reference.Tensor("x"), reference.Tensor(embedding), neighbours);

        measured.Should().BeApproximately(reference.Number(value), 1e-12);
    }

    [Fact]
    public void An_embedding_that_keeps_every_neighbour_scores_one()
    {
        using var scope = NewDisposeScope();
        var points = tensor(new double[] { 0, 0, 1, 0, 3, 0, 7, 0, 15, 0, 31, 0, 63, 0, 127, 0, 255, 0, 511, 0, 1023, 0, 2047, 0 }, new long[] { 12, 2 });

        Trustworthiness.Measure(points, points * 3.0, 2).Should().Be(1.0);
    }

    [Fact]
    public void Reversing_the_neighbourhoods_is_penalised_as_by_hand()
    {
        using var scope = NewDisposeScope();
        // Points 0..5 at 0, 1, 3, 7, 15, 31 (gaps doubling, so no distance ties), embedded in reverse at
        // 0, 31, 15, 7, 3, 1. Embedded nearest neighbours (k = 1) and their input ranks: 0→5 (rank 5),
        // 1→2 (2), 2→3 (3), 3→4 (4), 4→5 (5), 5→0 (5). Penalty Σ (r − 1) = 18;
        // T = 1 − 18·2/(6·1·(2·6 − 3 − 1)) = 1 − 36/48 (scikit-learn: 0.25).
        var input = tensor(new double[] { 0, 1, 3, 7, 15, 31 }, new long[] { 6, 1 });
        var embedded = tensor(new double[] { 0, 31, 15, 7, 3, 1 }, new long[] { 6, 1 });

        Trustworthiness.Measure(input, embedded, 1).Should().BeApproximately(0.25, 1e-12);
    }
}
