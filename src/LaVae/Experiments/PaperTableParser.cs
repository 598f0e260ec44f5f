namespace LaVae.Experiments;

/// <summary>
/// Reads one <c>baselines/paper/*.yaml</c> file:
/// <code>
/// title: "Table I"                      # how the paper names it
/// source: "arXiv 2303.03462, Table I"   # where the numbers were copied from
/// cell_label: "{row} {column}"          # optional; labels a cell in messages
/// lavae: {orig: 68.34, total: 297.1}    # every other key is a row of column: value
/// </code>
/// Row and column keys print through the vocabulary's display names (lavae → LAVAE).
/// </summary>
internal static class PaperTableParser
{
    private const string DefaultCellLabel = "{row} {column}";
    private static readonly string[] ReservedKeys = ["title", "source", "cell_label"];

    public static PaperTable Parse(string path, string text, ExperimentVocabulary vocabulary)
    {
        var file = StrictYamlFile.Parse(path, text);
        var id = Path.GetFileNameWithoutExtension(path);
        if (!Names.IsPlainIdentifier(id))
        {
            throw file.Error(file.Root, $"the file name '{id}' is the table id claims refer to: use letters, digits, '-' and '_'");
        }

        var top = file.Mapping(file.Root, "", knownKeys: null);
        var title = top.RequiredString("title");
        var source = top.RequiredString("source");
        var cellLabel = top.OptionalString("cell_label") ?? DefaultCellLabel;
        if (!cellLabel.Contains("{row}", StringComparison.Ordinal) || !cellLabel.Contains("{column}", StringComparison.Ordinal))
        {
            throw file.Error(top.Required("cell_label"), "'cell_label' must contain both {row} and {column}");
        }

        var rows = new Dictionary<string, IReadOnlyDictionary<string, PaperValue>>(StringComparer.Ordinal);
        foreach (var (rowKey, rowKeyNode, rowNode) in top.Entries.Where(entry => !ReservedKeys.Contains(entry.Key)))
        {
            CheckKey(file, rowKeyNode, rowKey);
            var row = file.Mapping(rowNode, rowKey, knownKeys: null);
            var cells = new Dictionary<string, PaperValue>(StringComparer.Ordinal);
            foreach (var (columnKey, columnKeyNode, valueNode) in row.Entries)
            {
                CheckKey(file, columnKeyNode, columnKey);
                var label = cellLabel
                    .Replace("{row}", vocabulary.DisplayName(rowKey), StringComparison.Ordinal)
                    .Replace("{column}", vocabulary.DisplayName(columnKey), StringComparison.Ordinal);
                cells.Add(columnKey, new PaperValue(
                    $"{id}.{rowKey}.{columnKey}", file.Number(valueNode, row.PathOf(columnKey)), $"{title}, {label}", source));
            }

            if (cells.Count == 0)
            {
                throw file.Error(rowNode, $"row '{rowKey}' has no values");
            }

            rows.Add(rowKey, cells);
        }

        if (rows.Count == 0)
        {
            throw file.Error(file.Root, "a paper table needs at least one row besides title, source and cell_label");
        }

        return new PaperTable(id, rows);
    }

    // References are dotted (table.row.column), so a dot inside a key would make them ambiguous.
    private static void CheckKey(StrictYamlFile file, YamlDotNet.RepresentationModel.YamlNode keyNode, string key)
    {
        if (key.Contains('.', StringComparison.Ordinal))
        {
            throw file.Error(keyNode, $"'{key}' cannot contain '.': claims refer to cells as <table>.<row>.<column>");
        }
    }
}
