using System.Text.Json;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Geometry;

/// <summary>
/// Reference/projections.json: small fixed inputs and what scikit-learn 1.2.1 makes of them, written
/// by Reference/make_projection_references.py.
/// </summary>
internal sealed class ProjectionReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Geometry", "Reference", "projections.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    });

    private readonly JsonElement section;

    private ProjectionReference(JsonElement section) => this.section = section;

    public static ProjectionReference Section(string name) => new(Root.Value.GetProperty(name));

    public double Number(string name) => section.GetProperty(name).GetDouble();

    /// <summary>A numeric array (vector or matrix) flattened row-major, with its shape.</summary>
    public (double[] Values, long[] Shape) Array(string name)
    {
        var element = section.GetProperty(name);
        if (element[0].ValueKind != JsonValueKind.Array)
        {
            var vector = element.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            return (vector, [vector.Length]);
        }

        var rows = element.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        return (rows.SelectMany(row => row).ToArray(), [rows.Length, rows[0].Length]);
    }

    public double[] Values(string name) => Array(name).Values;

    /// <summary>The named array as a float64 tensor of its shape.</summary>
    public Tensor Tensor(string name)
    {
        var (values, shape) = Array(name);
        return tensor(values, shape);
    }

    public long[] Labels(string name) => section.GetProperty(name).EnumerateArray().Select(v => v.GetInt64()).ToArray();
}
