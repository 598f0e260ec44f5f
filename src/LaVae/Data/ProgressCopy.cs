namespace LaVae.Data;

/// <summary>Copies a stream while reporting the bytes copied so far.</summary>
internal static class ProgressCopy
{
    public static async Task CopyAsync(
        Stream from, Stream to, long? total, string fileName, string source,
        IProgress<DataProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long done = 0;
        progress?.Report(new DataProgress(fileName, source, done, total));
        for (int read; (read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0;)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            done += read;
            progress?.Report(new DataProgress(fileName, source, done, total));
        }
    }
}
