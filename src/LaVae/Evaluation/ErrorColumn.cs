using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// One column of a Table-I style evaluation: how the model predicts images for a batch of test
/// digits, and which aligned set those predictions are compared with.
/// </summary>
public sealed record ErrorColumn(string Name, AugClass Target, Func<EvaluationBatch, Tensor> Compute)
{
    /// <summary>The column's predictions for images <paramref name="indices"/> of <paramref name="sets"/>, alone.</summary>
    public Tensor Predict(AlignedSets sets, Tensor indices) => Compute(new EvaluationBatch(sets, indices));
}

/// <summary>
/// A batch of test digits that every column of one model reads. What columns share (z0 = μ(x0), the
/// model inputs) is computed once per batch through <see cref="Memo"/>, not once per column.
/// </summary>
public sealed class EvaluationBatch(AlignedSets sets, Tensor indices)
{
    private readonly Dictionary<string, Tensor> memo = new(StringComparer.Ordinal);

    public AlignedSets Sets { get; } = sets;

    public Tensor Indices { get; } = indices;

    /// <summary>The batch's images of one set, as model input.</summary>
    public Tensor Input(AugClass augClass) => Memo($"input/{augClass}", () => Sets.Batch(augClass, Indices));

    /// <summary>The value stored under <paramref name="key"/>, computed on first use.</summary>
    public Tensor Memo(string key, Func<Tensor> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (!memo.TryGetValue(key, out var value))
        {
            value = compute();
            memo[key] = value;
        }

        return value;
    }
}
