namespace LaVae.Experiments;

/// <summary>
/// An experiment or paper-baseline file that does not follow the schema. The message starts with
/// <c>file:line:column</c> so editors and CI logs can jump to the offending node.
/// </summary>
public sealed class ExperimentFormatException : Exception
{
    public ExperimentFormatException(SourceLocation location, string problem)
        : base($"{location}: {problem}")
    {
        Location = location;
        Problem = problem;
    }

    public SourceLocation Location { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Problem { get; }
}
