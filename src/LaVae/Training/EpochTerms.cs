using LaVae.Torch;

namespace LaVae.Training;

/// <summary>
/// Each loss term summed over an epoch's batches, on the device that computed them and read once at
/// the epoch's end, so recording the terms adds no wait to the step loop (<see cref="EpochLosses"/>
/// says why). Kept as float64, so a float32 term adds up as a host sum in double would.
/// </summary>
internal sealed class EpochTerms(Device device) : IDisposable
{
    private readonly List<string> names = [];
    private readonly Dictionary<string, Tensor> sums = new(StringComparer.Ordinal);

    /// <summary>Adds each term of <paramref name="loss"/> (detached) to its sum; a term seen first is added in the order met.</summary>
    public void Add(StageLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        foreach (var term in loss.Terms)
        {
            Add(term.Name, term.Value);
        }
    }

    public void Add(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!sums.TryGetValue(name, out var sum))
        {
            sum = zeros([], dtype: ScalarType.Float64, device: device).DetachFromDisposeScope();
            sums.Add(name, sum);
            names.Add(name);
        }

        sum.add_(value.detach());
    }

    /// <summary>Each term's sum divided by <paramref name="examples"/> (a per-example mean), in the order first met; one wait for the device.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> PerExample(long examples)
    {
        if (names.Count == 0)
        {
            return [];
        }

        using var scope = NewDisposeScope();
        var values = stack(names.Select(name => sums[name]).ToArray()).cpu().ToArray<double>();
        return names.Select((name, i) => KeyValuePair.Create(name, values[i] / examples)).ToList();
    }

    public void Dispose()
    {
        foreach (var sum in sums.Values)
        {
            sum.Dispose();
        }
    }
}
