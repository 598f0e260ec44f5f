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
        var offsets = Tensor.RandPerm(count - 1, generator, device).Narrow(0, 0, others).AddInteger(1);
        var digits = Tensor.Arange(0, count, device: device).Unsqueeze(1);
        return Tensor.Cat([digits, (digits + offsets.Unsqueeze(0)).RemainderInteger(count)], dim: 1);
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
        var (batch, choices) = (candidates.Size(0), candidates.Size(1));
        var flat = targets.Flatten(1);
        var chosen = flat.IndexSelect(0, candidates.Flatten()).View(batch, choices, flat.Size(1));
        var distances = (chosen - decoded.Flatten(1).Unsqueeze(1)).Square().Sum(2); // (B, 1 + k)
        return distances.Select(1, 0).Lt(distances.Narrow(1, 1, choices - 1).Min(1));
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
        return (decoded - originals).Square().Flatten(1).Sum(1).Lt((decoded - targets).Square().Flatten(1).Sum(1));
    }
}
