using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>
/// A YAML mapping whose keys were checked on construction: each is a plain scalar and, when the
/// schema names its keys, one of them. Reads report a missing key at the mapping's position and
/// a wrong value at the value's position.
/// </summary>
internal sealed class StrictMapping
{
    private readonly StrictYamlFile file;
    private readonly List<(string Key, YamlScalarNode KeyNode, YamlNode Value)> entries = [];
    private readonly Dictionary<string, (YamlScalarNode KeyNode, YamlNode Value)> byKey = new(StringComparer.Ordinal);

    internal StrictMapping(StrictYamlFile file, YamlMappingNode node, string path, IReadOnlyCollection<string>? knownKeys)
    {
        this.file = file;
        Node = node;
        Path = path;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key } scalarKey)
            {
                throw file.Error(keyNode, $"keys {StrictYamlFile.In(path)} must be plain names, found {StrictYamlFile.Describe(keyNode)}");
            }

            if (knownKeys is not null && !knownKeys.Contains(key))
            {
                throw file.Error(keyNode, $"unknown key '{key}' {StrictYamlFile.In(path)} (known: {Names.List(knownKeys)})");
            }

            // YamlDotNet already rejects duplicate keys, so every key is new here.
            entries.Add((key, scalarKey, value));
            byKey.Add(key, (scalarKey, value));
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>The dotted path of this mapping; empty for the document root.</summary>
    public string Path { get; }

    /// <summary>The entries in file order, for mappings whose keys are data (profiles, table rows).</summary>
    public IReadOnlyList<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Entries => entries;

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => byKey.ContainsKey(key);

    public YamlNode? Optional(string key) => byKey.TryGetValue(key, out var entry) ? entry.Value : null;

    public YamlScalarNode KeyNode(string key) => byKey[key].KeyNode;

    public YamlNode Required(string key) =>
        Optional(key) ?? throw file.Error(Node, $"missing required key '{key}' {StrictYamlFile.In(Path)}");

    public string RequiredString(string key) => file.String(Required(key), PathOf(key));

    public string? OptionalString(string key) => Optional(key) is { } node ? file.String(node, PathOf(key)) : null;

    public int RequiredInteger(string key) => file.Integer(Required(key), PathOf(key));

    public double RequiredNumber(string key) => file.Number(Required(key), PathOf(key));
}
