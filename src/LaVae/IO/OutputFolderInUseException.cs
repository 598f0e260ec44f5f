namespace LaVae.IO;

/// <summary>Another run holds the <see cref="OutputLock"/> of the folder.</summary>
public sealed class OutputFolderInUseException : IOException
{
    public OutputFolderInUseException(string folder, string holder, Exception innerException)
        : base($"output folder '{folder}' is in use by another run ({holder}); wait for it to finish or choose another folder", innerException)
    {
        Folder = folder;
    }

    public string Folder { get; }
}
