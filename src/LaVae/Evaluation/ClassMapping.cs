namespace LaVae.Evaluation;

/// <summary>
/// Where a classifier sends images of each true class: the confusion counts (true class i, predicted
/// class j), the share of images predicted as their own class index (the diagonal: digit i read as
/// garment i after a swap), and the share a predictor blind to the input would reach with the same
/// marginals, Σ_i P(true = i)·P(predicted = i) — the chance level the diagonal is compared with (0.1
/// when both marginals are uniform over ten classes).
/// </summary>
public sealed class ClassMapping
{
    public ClassMapping(IReadOnlyList<long> trueClasses, IReadOnlyList<long> predictedClasses, int classes)
    {
        ArgumentNullException.ThrowIfNull(trueClasses);
        ArgumentNullException.ThrowIfNull(predictedClasses);
        if (trueClasses.Count != predictedClasses.Count || trueClasses.Count == 0)
        {
            throw new ArgumentException($"need as many predictions as true classes, and at least one: {trueClasses.Count} and {predictedClasses.Count}");
        }

        Counts = new long[classes, classes];
        for (var n = 0; n < trueClasses.Count; n++)
        {
            Counts[trueClasses[n], predictedClasses[n]]++;
        }

        Total = trueClasses.Count;
    }

    /// <summary>[true class, predicted class] → images.</summary>
    public long[,] Counts { get; }

    public long Total { get; }

    public int Classes => Counts.GetLength(0);

    /// <summary>The share of images predicted as their own class index.</summary>
    public double Diagonal => Enumerable.Range(0, Classes).Sum(i => Counts[i, i]) / (double)Total;

    /// <summary>Σ_i P(true = i)·P(predicted = i): the diagonal share of predictions independent of the input.</summary>
    public double Chance => Enumerable.Range(0, Classes).Sum(i => RowTotal(i) / (double)Total * (ColumnTotal(i) / (double)Total));

    /// <summary>The class most images of true class <paramref name="trueClass"/> are predicted as (the lowest index on a tie).</summary>
    public int MostPredicted(int trueClass) =>
        Enumerable.Range(0, Classes).Aggregate(0, (best, j) => Counts[trueClass, j] > Counts[trueClass, best] ? j : best);

    private long RowTotal(int i) => Enumerable.Range(0, Classes).Sum(j => Counts[i, j]);

    private long ColumnTotal(int j) => Enumerable.Range(0, Classes).Sum(i => Counts[i, j]);
}
