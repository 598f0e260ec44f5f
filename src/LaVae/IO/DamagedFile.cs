using System.Globalization;

namespace LaVae.IO;

/// <summary>
/// Moves a damaged file out of the way instead of deleting it, so a person can still inspect it:
/// <c>&lt;file&gt;.damaged-&lt;UTC yyyyMMdd-HHmmss&gt;</c> beside the original, with a counter added when
/// that name is taken (two damages in one second), so an earlier copy is never overwritten.
/// </summary>
public static class DamagedFile
{
    /// <summary>Moves <paramref name="path"/> aside and returns where it went.</summary>
    public static string SetAside(string path)
    {
        var stem = $"{path}.damaged-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        for (var copy = 1; ; copy++)
        {
            var aside = copy == 1 ? stem : $"{stem}-{copy}";
            if (File.Exists(aside))
            {
                continue;
            }

            try
            {
                File.Move(path, aside, overwrite: false);
                return aside;
            }
            catch (IOException) when (File.Exists(aside))
            {
                // Another process took the name between the check and the move; try the next one.
            }
        }
    }
}
