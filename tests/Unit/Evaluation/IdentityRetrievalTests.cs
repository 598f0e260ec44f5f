using LaVae.Evaluation;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>Identity retrieval: the seeded candidate sets, and hits on hand-made images and against a naive loop.</summary>
public class IdentityRetrievalTests
{
    [Fact]
    public void Every_digit_is_its_own_first_candidate_followed_by_99_distinct_others()
    {
        using var scope = NewDisposeScope();
        var candidates = IdentityRetrieval.Candidates(300, seed: 1, CPU);

        candidates.shape.Should().Equal(300, 100);
        var rows = Rows(candidates);
        for (var i = 0; i < 300; i++)
        {
            rows[i][0].Should().Be(i);
            rows[i].Skip(1).Should().OnlyHaveUniqueItems().And.NotContain(i).And.OnlyContain(j => j >= 0 && j < 300);
        }
    }

    [Fact]
    public void The_same_seed_draws_the_same_candidates_and_another_seed_others()
    {
        using var scope = NewDisposeScope();
        var first = IdentityRetrieval.Candidates(500, seed: 1, CPU).ToArray<long>();

        IdentityRetrieval.Candidates(500, seed: 1, CPU).ToArray<long>().Should().Equal(first);
        IdentityRetrieval.Candidates(500, seed: 2, CPU).ToArray<long>().Should().NotEqual(first);
    }

    [Fact]
    public void A_test_set_of_fewer_than_100_digits_makes_every_other_digit_a_candidate()
    {
        using var scope = NewDisposeScope();
        var rows = Rows(IdentityRetrieval.Candidates(5, seed: 3, CPU));

        rows.Should().HaveCount(5);
        for (var i = 0; i < 5; i++)
        {
            rows[i].Should().HaveCount(5).And.BeEquivalentTo(Enumerable.Range(0, 5).Select(j => (long)j));
            rows[i][0].Should().Be(i);
        }
    }

    [Fact]
    public void Hits_on_hand_made_images_where_the_nearest_target_is_known()
    {
        using var scope = NewDisposeScope();
        // Three targets: all black, all white, left half white. Squared distances to a decoded image
        // of constant gray g: 784·g², 784·(1 − g)², 392·g² + 392·(1 − g)².
        var targets = stack([Constant(0), Constant(1), HalfWhite()]);
        var decoded = stack([Constant(0.1), Constant(0.9), Constant(0.5), HalfWhite(), Constant(0.5)]);
        // Digit 0 (g = 0.1) is nearest black: a hit; digit 1 (0.9) nearest white: a hit; digit 2 claims
        // the half-white target but g = 0.5 is equally far (196) from all three: a tie, so a miss;
        // digit 3 is exactly its half-white target; digit 4 (0.5) claims black, tied with the others: a miss.
        var candidates = tensor(new long[] { 0, 1, 2, 1, 0, 2, 2, 0, 1, 2, 0, 1, 0, 1, 2 }, new long[] { 5, 3 });

        IdentityRetrieval.Hits(decoded, targets, candidates).ToArray<bool>().Should().Equal(true, true, false, true, false);
    }

    [Fact]
    public void A_decoded_image_nearer_another_digits_target_is_a_miss()
    {
        using var scope = NewDisposeScope();
        var targets = stack([Constant(0), Constant(1)]);
        var decoded = stack([Constant(0.6), Constant(0.4)]); // each nearer the other digit's target

        IdentityRetrieval.Hits(decoded, targets, tensor(new long[] { 0, 1, 1, 0 }, new long[] { 2, 2 })).ToArray<bool>().Should().Equal(false, false);
    }

    [Fact]
    public void Hits_match_a_naive_loop_over_random_images_and_candidates()
    {
        using var scope = NewDisposeScope();
        var random = new Random(8);
        var targetPixels = Enumerable.Range(0, 150 * 784).Select(_ => (float)random.NextDouble()).ToArray();
        // Digits 0, 3, 6, ... decode to their own target, 1, 4, ... to it plus noise, 2, 5, ... to the next
        // digit's target plus noise: so both outcomes occur.
        var decodedPixels = Enumerable.Range(0, 150 * 784).Select(p =>
        {
            var (digit, pixel) = (p / 784, p % 784);
            var source = digit % 3 == 2 ? (digit + 1) % 150 : digit;
            return targetPixels[(source * 784) + pixel] + (digit % 3 == 0 ? 0f : (float)(0.2 * (random.NextDouble() - 0.5)));
        }).ToArray();
        var candidates = IdentityRetrieval.Candidates(150, seed: 4, CPU);
        var rows = Rows(candidates);

        var hits = IdentityRetrieval.Hits(tensor(decodedPixels, new long[] { 150, 1, 28, 28 }), tensor(targetPixels, new long[] { 150, 1, 28, 28 }), candidates).ToArray<bool>();

        var expected = Enumerable.Range(0, 150).Select(i =>
        {
            double Distance(long j) => Enumerable.Range(0, 784).Sum(p => Math.Pow((double)decodedPixels[(i * 784) + p] - targetPixels[(j * 784) + p], 2));
            var own = Distance(i);
            return rows[i].Skip(1).All(j => own < Distance(j));
        }).ToArray();
        hits.Should().Equal(expected);
        expected.Should().Contain(true).And.Contain(false, "the test needs both outcomes to mean anything");
    }

    [Fact]
    public void Nearer_original_compares_the_distances_to_x0_and_to_the_own_target_and_a_tie_is_not_nearer()
    {
        using var scope = NewDisposeScope();
        var originals = stack([Constant(0), Constant(0), Constant(0), HalfWhite()]);
        var targets = stack([Constant(1), Constant(1), Constant(1), Constant(1)]);
        // 0.2 is nearer black than white; 0.8 nearer white; 0.5 equally far; half white is x0 itself.
        var decoded = stack([Constant(0.2), Constant(0.8), Constant(0.5), HalfWhite()]);

        IdentityRetrieval.NearerOriginal(decoded, originals, targets).ToArray<bool>().Should().Equal(true, false, false, true);
    }

    private static Tensor Constant(double gray) => full([1, 28, 28], gray);

    // Columns 0..13 white, 14..27 black.
    private static Tensor HalfWhite() => cat([ones([1, 28, 14]), zeros([1, 28, 14])], dim: 2);

    private static List<long[]> Rows(Tensor candidates)
    {
        var values = candidates.ToArray<long>();
        var width = (int)candidates.size(1);
        return Enumerable.Range(0, (int)candidates.size(0)).Select(i => values.AsSpan(i * width, width).ToArray()).ToList();
    }
}
