using LaVae.Data;
using LaVae.Models;
using LaVae.Reports.Images;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// The paper's Fig. 3/9 layout for the first test digits: rows original, A1, latent A1, A2, latent A2,
/// composed, latent composed and (where the model has it) latent reverse-composed; one column per digit.
/// </summary>
public static class ReconstructionGrid
{
    private static readonly (string Label, AugClass? Target, string? Column)[] Layout =
    [
        ("original", AugClass.Orig, null),
        ("A1", AugClass.Aug1, null),
        ("latent A1", null, "aug1"),
        ("A2", AugClass.Aug2, null),
        ("latent A2", null, "aug2"),
        ("composed", AugClass.Compose, null),
        ("latent composed", null, "compose"),
        ("latent reverse-composed", null, "reverse_compose"),
    ];

    /// <summary>The row labels, top to bottom, for the columns the model has.</summary>
    public static IReadOnlyList<string> RowLabels(IReadOnlyList<ErrorColumn> columns) =>
        Layout.Where(row => row.Column is null || columns.Any(c => c.Name == row.Column)).Select(row => row.Label).ToList();

    /// <summary>
    /// The same grid as a figure a reader can follow: a title, each row labelled (A1 and A2 by the
    /// pair's names) and each column by its test digit.
    /// </summary>
    public static RasterImage Labelled(string title, IReadOnlyList<string> pair, AlignedSets test, IReadOnlyList<ErrorColumn> columns, int digits, int scale = 2)
    {
        ArgumentNullException.ThrowIfNull(pair);
        // "latent A1" is the model's own A1 (decode(z0·L1) for LAVAE, class A1 for a CVAE): "decoded" says it for both.
        var labels = RowLabels(columns).Select(label => label
            .Replace("latent", "decoded", StringComparison.Ordinal)
            .Replace("A1", $"A1 ({pair[0]})", StringComparison.Ordinal)
            .Replace("A2", $"A2 ({pair[1]})", StringComparison.Ordinal)).ToList();
        var digitLabels = Enumerable.Range(1, digits).Select(i => $"test {i}").ToList();
        return LabelledGrid.Render(title, labels, digitLabels, Rows(test, columns, digits), 28, 28, scale);
    }

    /// <summary>The grid's tiles: one row per entry of <see cref="RowLabels"/>, one 28x28 tile per digit.</summary>
    public static IReadOnlyList<IReadOnlyList<byte[]>> Rows(AlignedSets test, IReadOnlyList<ErrorColumn> columns, int digits)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(columns);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var indices = arange(0, digits, device: test.Orig.device);
        var batch = new EvaluationBatch(test, indices);
        var rows = new List<IReadOnlyList<byte[]>>();
        foreach (var (_, target, columnName) in Layout)
        {
            if (target is { } set)
            {
                rows.Add(Tiles(test[set].index_select(0, indices)));
            }
            else if (columns.FirstOrDefault(c => c.Name == columnName) is { } column)
            {
                rows.Add(Tiles(ToPixels(column.Compute(batch))));
            }
        }

        return rows;
    }

    /// <summary>Probabilities (B, 1, 28, 28) to uint8 pixels (B, 28, 28), rounded as the dataset's bytes are.</summary>
    public static Tensor ToPixels(Tensor probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return (probabilities * 255.0).round().clamp(0, 255).to(ScalarType.Byte).squeeze(1);
    }

    /// <summary>A uint8 batch (B, 28, 28) as one byte array per image: the tiles of a grid.</summary>
    public static IReadOnlyList<byte[]> Tiles(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var pixels = images.contiguous().ToArray<byte>();
        return Enumerable.Range(0, (int)images.size(0)).Select(i => pixels.AsSpan(i * 784, 784).ToArray()).ToList();
    }
}
