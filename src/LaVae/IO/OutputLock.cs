using System.Globalization;

namespace LaVae.IO;

/// <summary>
/// Exclusive use of an output folder for the length of a run, so two runs cannot interleave their
/// writes. The lock is a file opened with <see cref="FileShare.None"/>, which .NET enforces with an
/// advisory flock on Unix; the operating system drops it when the process dies, so no stale lock
/// survives a crash. The holder's PID goes in a separate file, because the lock file itself cannot
/// be opened by anyone else to read it.
/// </summary>
public sealed class OutputLock : IDisposable
{
    public const string LockFileName = ".lavae.lock";
    public const string HolderFileName = ".lavae.lock.holder";

    private readonly FileStream lockStream;

    private OutputLock(string folder, FileStream lockStream)
    {
        Folder = folder;
        this.lockStream = lockStream;
    }

    public string Folder { get; }

    /// <exception cref="OutputFolderInUseException">Another run, in this process or another, holds the folder.</exception>
    /// <exception cref="IOException">The folder cannot be created or written.</exception>
    public static OutputLock Acquire(string folder)
    {
        var fullFolder = WritableFolder.Require(folder, "folder");
        var lockPath = Path.Combine(fullFolder, LockFileName);
        if (Directory.Exists(lockPath))
        {
            // Opening it would fail as "access denied", which sends the user after permissions instead.
            throw new IOException($"{lockPath} is a folder, where LaVae keeps its lock file; remove that folder");
        }

        FileStream stream;
        try
        {
            // The lock file is never deleted: deleting it would let a waiting opener lock an orphaned inode.
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new OutputFolderInUseException(fullFolder, DescribeHolder(fullFolder), e);
        }

        try
        {
            var holder = string.Create(
                CultureInfo.InvariantCulture, $"PID {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:O}");
            File.WriteAllText(Path.Combine(fullFolder, HolderFileName), holder);
            return new OutputLock(fullFolder, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // Remove the holder note while still holding the lock, so it never describes the next holder wrongly.
        File.Delete(Path.Combine(Folder, HolderFileName));
        lockStream.Dispose();
    }

    private static string DescribeHolder(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, HolderFileName)).Trim();
        }
        catch (IOException)
        {
            // The holder may not have written its note yet.
            return "holder unknown";
        }
    }
}
