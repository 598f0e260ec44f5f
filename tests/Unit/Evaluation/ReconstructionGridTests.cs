using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>The Fig. 3/9 grid: a row per image kind, a column per test digit (LabelledGridTests place the tiles).</summary>
public class ReconstructionGridTests
{
    private const int Digits = 3;

    [Fact]
    public void Lavae_grid_has_8_rows_original_then_A1_latent_A1_and_so_on()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae();
        using var sets = Tiny.UnrelatedSets(4, seed: 1);
        var columns = TableOneColumns.ForLavae(model);

        var image = ReconstructionGrid.Rows(sets, columns, Digits);

        ReconstructionGrid.RowLabels(columns).Should().Equal(
            "original", "A1", "latent A1", "A2", "latent A2", "composed", "latent composed", "latent reverse-composed");
        image.Should().HaveCount(8).And.OnlyContain(row => row.Count == Digits);
        RowShows(image, 0, Bytes(sets[AugClass.Orig]));
        RowShows(image, 1, Bytes(sets[AugClass.Aug1]));
        RowShows(image, 2, Predicted(columns, "aug1", sets));
        RowShows(image, 3, Bytes(sets[AugClass.Aug2]));
        RowShows(image, 5, Bytes(sets[AugClass.Compose]));
        RowShows(image, 7, Predicted(columns, "reverse_compose", sets));
    }

    [Fact]
    public void Cvae_grid_has_7_rows_without_a_reverse_composition()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Cvae();
        using var sets = Tiny.UnrelatedSets(4, seed: 2);
        var columns = TableOneColumns.ForCvae(model);

        var image = ReconstructionGrid.Rows(sets, columns, Digits);

        ReconstructionGrid.RowLabels(columns).Should().Equal("original", "A1", "latent A1", "A2", "latent A2", "composed", "latent composed");
        image.Should().HaveCount(7).And.OnlyContain(row => row.Count == Digits);
        RowShows(image, 0, Bytes(sets[AugClass.Orig]));
        RowShows(image, 6, Predicted(columns, "compose", sets));
    }

    [Fact]
    public void Probabilities_become_pixels_by_rounding_p_times_255()
    {
        using var scope = NewDisposeScope();

        var pixels = ReconstructionGrid.ToPixels(tensor(new[] { 0f, 0.2f, 0.5f, 0.999f, 1f, 0.001f }, new long[] { 1, 1, 2, 3 }));

        pixels.shape.Should().Equal(1, 2, 3);
        pixels.ToArray<byte>().Should().Equal(0, 51, 128, 255, 255, 0);
    }

    /// <summary>Row <paramref name="row"/> of the grid holds the first <see cref="Digits"/> images of <paramref name="tiles"/>, in order.</summary>
    private static void RowShows(IReadOnlyList<IReadOnlyList<byte[]>> grid, int row, byte[] tiles)
    {
        for (var digit = 0; digit < Digits; digit++)
        {
            grid[row][digit].Should().Equal(tiles.AsSpan(digit * 784, 784).ToArray(), "row {0}, digit {1}", row, digit);
        }
    }

    private static byte[] Bytes(Tensor images) => images.contiguous().ToArray<byte>();

    private static byte[] Predicted(IReadOnlyList<ErrorColumn> columns, string name, AlignedSets sets)
    {
        using var noGrad = no_grad();
        return Bytes(ReconstructionGrid.ToPixels(columns.Single(c => c.Name == name).Predict(sets, arange(0, Digits))));
    }
}
