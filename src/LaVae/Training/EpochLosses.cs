using LaVae.Torch;

namespace LaVae.Training;

/// <summary>
/// The losses of one epoch's batches, kept on the device that computed them until they are read, a
/// block of batches at a time: reading a value waits for the device, so reading each batch's loss
/// would stall a GPU's queue every step. Kept as float64, so a float32 loss reads back exactly.
/// </summary>
internal sealed class EpochLosses : IDisposable
{
    private readonly Tensor values;
    private readonly int[] kept;

    public EpochLosses(int batches, int perBatch, Device device)
    {
        values = zeros([batches, perBatch], dtype: ScalarType.Float64, device: device).DetachFromDisposeScope();
        kept = new int[batches];
    }

    /// <summary>The sum of every batch's first loss read so far, in batch order.</summary>
    public double ReadTotal { get; private set; }

    /// <summary>Copies <paramref name="loss"/> (a scalar) into the batch's next slot, on the device.</summary>
    public void Keep(int batch, Tensor loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (kept[batch] == values.size(1))
        {
            throw new InvalidOperationException($"batch {batch} descended more than {values.size(1)} losses");
        }

        using var slot = values[batch, kept[batch]];
        slot.copy_(loss.detach());
        kept[batch]++;
    }

    /// <summary>Batches [from, to) with the losses each kept, in the order kept, read in one wait.</summary>
    public IEnumerable<(int Batch, IReadOnlyList<double> Losses)> Read(int from, int to)
    {
        if (to <= from)
        {
            yield break;
        }

        var perBatch = (int)values.size(1);
        double[] read;
        using (var block = values.narrow(0, from, to - from))
        {
            read = block.ToArray<double>();
        }

        for (var batch = from; batch < to; batch++)
        {
            var losses = read.AsSpan((batch - from) * perBatch, kept[batch]).ToArray();
            if (losses.Length > 0)
            {
                ReadTotal += losses[0];
            }

            yield return (batch, losses);
        }
    }

    public void Dispose() => values.Dispose();
}
