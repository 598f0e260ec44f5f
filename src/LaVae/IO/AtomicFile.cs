namespace LaVae.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content, never
/// a partial one: the bytes go to a temporary file in the same folder (so the final rename stays
/// on one file system and is atomic), which replaces the target only once fully written. A process
/// killed mid-write leaves its temporary file behind; the next write of the same file (the next run's
/// checkpoint, results or report) deletes it.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        DeleteAbandonedTemps(path);
        string temp = TempPathBeside(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>
    /// Like <see cref="Write"/>; <paramref name="write"/> may also read back what it wrote (the
    /// stream is read/write) and throw to reject it, in which case nothing lands.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        DeleteAbandonedTemps(path);
        string temp = TempPathBeside(path);
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Deletes the temporary files that writes of <paramref name="path"/> by a killed process left
    /// behind. Only those untouched for an hour: a younger one may belong to a process still at work.
    /// </summary>
    private static void DeleteAbandonedTemps(string path)
    {
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        foreach (string temp in Directory.EnumerateFiles(folder, TempPattern(full)))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(temp) > TimeSpan.FromHours(1))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Temporary names start with a dot and end in .part, so nobody mistakes them for the real file.</summary>
    private static string TempPathBeside(string path)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"{path} has no parent folder.", nameof(path));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, TempPattern(full).Replace("*", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));
    }

    private static string TempPattern(string fullPath) => $".{Path.GetFileName(fullPath)}.*.part";
}
