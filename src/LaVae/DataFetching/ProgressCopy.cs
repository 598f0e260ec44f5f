namespace LaVae.DataFetching;

/// <summary>Copies a stream while reporting the bytes copied so far: at the start, each quarter (each 16 MiB when the size is unknown) and the end.</summary>
internal static class ProgressCopy
{
    private const long UnknownSizeStep = 16L << 20;

    public static async Task CopyAsync(
        Stream from, Stream to, long? total, string fileName, string source,
        IProgress<DataProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long done = 0;
        var step = total is > 0 ? (total.Value + 3) / 4 : UnknownSizeStep;
        var next = step;
        progress?.Report(new DataProgress(fileName, source, done, total));
        for (int read; (read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0;)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            done += read;
            if (done >= next && done != total)
            {
                progress?.Report(new DataProgress(fileName, source, done, total));
                next = (done / step + 1) * step;
            }
        }

        if (done > 0)
        {
            progress?.Report(new DataProgress(fileName, source, done, total));
        }
    }
}
