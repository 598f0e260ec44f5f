namespace LaVae.Experiments;

/// <summary>A position in a YAML file, printed as <c>file:line:column</c> (1-based) like a compiler diagnostic.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
