using System.Diagnostics.CodeAnalysis;

namespace LaVae.Experiments;

/// <summary>
/// The paper's numbers, written once in <c>baselines/paper/*.yaml</c>: each file is a table whose id
/// is the file name, with rows of named columns. Claims refer to a cell as <c>table.row.column</c>.
/// </summary>
public sealed class PaperBaselines
{
    private readonly Dictionary<string, PaperTable> tables;

    internal PaperBaselines(IEnumerable<PaperTable> tables)
    {
        this.tables = tables.ToDictionary(table => table.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> TableIds => tables.Keys;

    public bool TryFind(string reference, [NotNullWhen(true)] out PaperValue? value) => TryFind(reference, out value, out _);

    /// <summary>Looks a reference up, or says which part of it does not exist and what does.</summary>
    internal bool TryFind(string reference, [NotNullWhen(true)] out PaperValue? value, [NotNullWhen(false)] out string? problem)
    {
        value = null;
        var parts = reference.Split('.');
        if (parts.Length != 3)
        {
            problem = $"paper value '{reference}' must have the form <table>.<row>.<column>, e.g. table1.lavae.total";
        }
        else if (!tables.TryGetValue(parts[0], out var table))
        {
            problem = $"unknown paper table '{parts[0]}' in '{reference}' (known: {Names.List(tables.Keys)})";
        }
        else if (!table.Rows.TryGetValue(parts[1], out var row))
        {
            problem = $"paper table '{table.Id}' has no row '{parts[1]}' (rows: {Names.List(table.Rows.Keys)})";
        }
        else if (!row.TryGetValue(parts[2], out value))
        {
            problem = $"row '{parts[1]}' of paper table '{table.Id}' has no column '{parts[2]}' (columns: {Names.List(row.Keys)})";
        }
        else
        {
            problem = null;
        }

        return value is not null;
    }
}
