using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>
/// One YAML file read strictly: every value is checked against the type the schema expects, and
/// every problem is reported as an <see cref="ExperimentFormatException"/> at the node's position.
/// Paths in messages are dotted (<c>settings.epochs.stage1</c>, <c>claims[2]</c>).
/// </summary>
internal sealed class StrictYamlFile
{
    private StrictYamlFile(string path, YamlNode root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>The path shown in messages (relative to the repository root where known).</summary>
    public string Path { get; }

    public YamlNode Root { get; }

    public static StrictYamlFile Parse(string path, string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw TabIndent(path, text) ?? new ExperimentFormatException(At(path, e.Start), e.Message);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, for a flow list or mapping left
            // open across lines; the last event it parsed is inside that collection.
            throw new ExperimentFormatException(
                At(path, parser.Current?.Start ?? Mark.Empty), "malformed YAML here: is a '[' or '{' left open?");
        }

        if (stream.Documents.Count != 1)
        {
            var problem = stream.Documents.Count == 0
                ? "the file is empty"
                : $"expected one YAML document, found {stream.Documents.Count}";
            throw new ExperimentFormatException(new SourceLocation(path, 1, 1), problem);
        }

        return new StrictYamlFile(path, stream.Documents[0].RootNode);
    }

    // YAML forbids tabs in indentation, but YamlDotNet reports them far from the line (at 1:1, or where a
    // mapping started); the first line indented with a tab is where the user has to look.
    private static ExperimentFormatException? TabIndent(string path, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return new ExperimentFormatException(new SourceLocation(path, i + 1, tab + 1), "a tab indents this line; YAML indents with spaces");
            }
        }

        return null;
    }

    public SourceLocation LocationOf(YamlNode node) => At(Path, node.Start);

    public ExperimentFormatException Error(YamlNode node, string problem) => new(LocationOf(node), problem);

    /// <summary>A mapping whose keys must all be in <paramref name="knownKeys"/>; null accepts any key.</summary>
    public StrictMapping Mapping(YamlNode node, string path, IReadOnlyCollection<string>? knownKeys) =>
        node is YamlMappingNode mapping
            ? new StrictMapping(this, mapping, path, knownKeys)
            : throw Error(node, $"{Quote(path)} must be a mapping, found {Describe(node)}");

    public IReadOnlyList<YamlNode> List(YamlNode node, string path) =>
        node is YamlSequenceNode sequence
            ? sequence.Children.ToList()
            : throw Error(node, $"{Quote(path)} must be a list, found {Describe(node)}");

    public string String(YamlNode node, string path) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } scalar && !IsNull(scalar)
            ? value
            : throw Error(node, $"{Quote(path)} must be a non-empty string, found {Describe(node)}");

    public int Integer(YamlNode node, string path) =>
        PlainScalar(node) is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"{Quote(path)} must be an integer, found {Describe(node)}");

    public double Number(YamlNode node, string path) =>
        PlainScalar(node) is { } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            ? value
            : throw Error(node, $"{Quote(path)} must be a number, found {Describe(node)}");

    public static string Quote(string path) => path.Length == 0 ? "the file" : $"'{path}'";

    /// <summary>Where a key sits, for messages: "in 'settings'" or "at the top level".</summary>
    public static string In(string path) => path.Length == 0 ? "at the top level" : $"in '{path}'";

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => $"'{scalar.Value}'",
        YamlScalarNode scalar => $"the quoted string '{scalar.Value}'",
        _ => "an alias",
    };

    // YAML's null spellings; an empty value ("key:") is the common one.
    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    // Numbers must be unquoted: "64" in quotes is a string, and a strict schema says so.
    private static string? PlainScalar(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && !IsNull(scalar) ? scalar.Value : null;

    private static SourceLocation At(string path, Mark mark) =>
        new(path, checked((int)mark.Line), checked((int)mark.Column));
}
