namespace LaVae.IO;

/// <summary>
/// A file this code wrote (or should be able to read) whose bytes are damaged: truncated, a header
/// that does not parse, or content that no longer matches its recorded checksum. Distinct from a
/// valid file that does not fit (another run's checkpoint), so callers can set the damaged one aside.
/// An <see cref="IOException"/> because <see cref="InvalidDataException"/> is sealed; the CLI reports
/// both as one line.
/// </summary>
public sealed class CorruptFileException : IOException
{
    public CorruptFileException(string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    public string FilePath { get; }

    /// <summary>The message without the path prefix.</summary>
    public string Problem { get; }
}
