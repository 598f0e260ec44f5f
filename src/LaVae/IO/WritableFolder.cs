namespace LaVae.IO;

/// <summary>
/// Makes sure a folder exists and can be written before any work is done for it, so a folder the
/// machine will not let us write (read-only, under /proc, an existing file) is one message naming it,
/// not a failure after minutes of training.
/// </summary>
public static class WritableFolder
{
    /// <summary>Creates <paramref name="folder"/> if needed, writes and deletes a probe file in it, and returns its full path.</summary>
    /// <param name="what">How messages name the folder: "output folder", "data folder".</param>
    /// <exception cref="IOException">The folder cannot be created or written; the message names it and says why.</exception>
    public static string Require(string folder, string what)
    {
        var full = Path.GetFullPath(folder);
        for (var ancestor = full; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                throw new IOException(ancestor == full
                    ? $"{what} {full} cannot be written: it is a file, not a folder"
                    : $"{what} {full} cannot be written: {ancestor} is a file, not a folder");
            }
        }

        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{what} {full} cannot be created: {e.Message}", e);
        }

        try
        {
            var probe = Path.Combine(full, $".lavae-write-probe-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{what} {full} cannot be written: {e.Message}", e);
        }

        return full;
    }
}
