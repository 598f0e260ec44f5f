using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Evaluation;

/// <summary>
/// Top-1 identity retrieval: is a model's decoded augmentation of a test digit nearer that digit's own
/// A_k(x0) than the A_k of every one of up to 99 other test digits? Distance: the summed squared
/// difference of [0, 1] pixels (the squared Euclidean distance, which ranks as the Euclidean one). The
/// own target must be strictly nearest: a tie is a miss. Chance is 1 in (1 + the number of others).
/// </summary>
public static class IdentityRetrieval
{
    /// <summary>How many other test digits each digit is told apart from (fewer when the test set is smaller).</summary>
    public const int Others = 99;

    /// <summary>
    /// The candidates of every one of <paramref name="count"/> digits, int64 (N, 1 + k) with
    /// k = min(99, N − 1): column 0 the digit itself, then (i + o_j) mod N for k distinct offsets o_j
    /// drawn from 1..N−1 by the experiment seed, so no digit is its own distractor and a seed always
    /// draws the same sets.
    /// </summary>
    public static Tensor Candidates(long count, int seed, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var others = Math.Min(Others, count - 1);
        using var generator = new Generator(Seeds.Derive((ulong)seed, "identity/candidates"), device);
        var offsets = randperm(count - 1, device: device, generator: generator).narrow(0, 0, others) + 1;
        var digits = arange(0, count, device: device).unsqueeze(1);
        return cat([digits, (digits + offsets.unsqueeze(0)).remainder(count)], dim: 1);
    }

    /// <summary>
    /// Whether each decoded image (B, 1, 28, 28) is strictly nearest its own target, bool (B):
    /// <paramref name="candidates"/> (B, 1 + k) index <paramref name="targets"/> (N, 1, 28, 28), own target first.
    /// </summary>
    public static Tensor Hits(Tensor decoded, Tensor targets, Tensor candidates)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(candidates);
        var (batch, choices) = (candidates.size(0), candidates.size(1));
        var flat = targets.flatten(1);
        var chosen = flat.index_select(0, candidates.flatten()).view(batch, choices, flat.size(1));
        var distances = (chosen - decoded.flatten(1).unsqueeze(1)).square().sum(2); // (B, 1 + k)
        return distances.select(1, 0).lt(distances.narrow(1, 1, choices - 1).amin([1]));
    }

    /// <summary>
    /// Whether each decoded augmentation (B, 1, 28, 28) is strictly nearer the digit's own original x0
    /// than its own A_k(x0), bool (B): a model that ignores the augmentation and decodes the digit as it
    /// was keeps the digit, yet misses in <see cref="Hits"/>. The same distance as <see cref="Hits"/>.
    /// </summary>
    public static Tensor NearerOriginal(Tensor decoded, Tensor originals, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(originals);
        ArgumentNullException.ThrowIfNull(targets);
        return (decoded - originals).square().flatten(1).sum(1).lt((decoded - targets).square().flatten(1).sum(1));
    }
}
