using System.Text.Json;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations.Families;

/// <summary>
/// One of Reference/*.json (written by Reference/make_family_reference.py): images, per-image
/// parameters and a library's output for them. Read from the source tree, where the script writes.
/// </summary>
internal sealed record FamilyReference(int Count, Tensor Images, byte[] Expected, JsonElement Parameters)
{
    private const int Pixels = TestImages.Side * TestImages.Side;

    public static FamilyReference Load(string name)
    {
        var path = Path.Combine(RepoRoot.Path, "tests", "Unit", "Augmentations", "Families", "Reference", name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var count = root.GetProperty("count").GetInt32();
        var images = Convert.FromBase64String(root.GetProperty("images").GetString()!);
        var expected = Convert.FromBase64String(root.GetProperty("expected").GetString()!);
        return new FamilyReference(count, tensor(images, new long[] { count, TestImages.Side, TestImages.Side }), expected, root.GetProperty("parameters").Clone());
    }

    /// <summary>A parameter's numbers (one per image, or one for the file) as float64.</summary>
    public Tensor Parameter(string name) => tensor(Numbers(name));

    public double[] Numbers(string name) => Parameters.GetProperty(name).EnumerateArray().Select(value => value.GetDouble()).ToArray();

    /// <summary>"image i (row, column): got g, expected e" for every pixel that differs by more than <paramref name="tolerance"/>.</summary>
    public IEnumerable<string> Mismatches(Tensor output, int tolerance = 0)
    {
        var actual = TestImages.Bytes(output);
        return Enumerable.Range(0, Expected.Length)
            .Where(i => Math.Abs(actual[i] - Expected[i]) > tolerance)
            .Select(i => $"image {i / Pixels} ({i % Pixels / TestImages.Side}, {i % TestImages.Side}): got {actual[i]}, expected {Expected[i]}")
            .ToArray();
    }
}
