using LaVae.Reports.Images;

namespace LaVae.Tests.Unit.Images;

/// <summary>
/// The Table I grids in baselines/snapshots were drawn by the current <see cref="LabelledGrid"/>: their
/// tiles, read back at the grid's own tile positions and drawn again with the same title and labels, give
/// the same pixels. A change to how grids are drawn fails here, without training, until the snapshots
/// are drawn again and looked at.
/// </summary>
public sealed class ReconstructionSnapshotTests
{
    private const int Side = 28;
    private const int Scale = 2;
    private const int Digits = 8;

    private static readonly string[] RowLabels =
    [
        "original", "A1 (flip_lr)", "decoded A1 (flip_lr)", "A2 (flip_ud)", "decoded A2 (flip_ud)", "composed", "decoded composed", "decoded reverse-composed",
    ];

    public static TheoryData<string, string, int> Snapshots() => new()
    {
        { "lavae-reconstructions", "LAVAE", 8 },
        { "cvae-trad-reconstructions", "CVAE_Trad", 7 },
        { "cvae-auginv-reconstructions", "CVAE_AugInv", 7 },
    };

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void A_verified_grid_is_what_the_grid_code_draws_from_its_tiles(string name, string model, int rows)
    {
        var verified = PngReader.Read(Path.Combine(RepoRoot.Path, "baselines", "snapshots", "table1-flips", $"{name}.verified.png"));
        string title = $"{model} on flip_lr,flip_ud: first test digits";
        string[] labels = RowLabels[..rows];
        string[] columns = [.. Enumerable.Range(1, Digits).Select(i => $"test {i}")];
        var blank = Enumerable.Repeat((IReadOnlyList<GridCell>)[.. Enumerable.Repeat(GridCell.Tile(new byte[Side * Side]), Digits)], rows).ToList();
        var layout = LabelledGrid.Of(title, labels, columns, blank, Side, Side, Scale);

        var tiles = Enumerable.Range(0, rows).Select(r => (IReadOnlyList<byte[]>)Enumerable.Range(0, Digits).Select(c => TileAt(verified, layout.TileAt(r, c))).ToList()).ToList();
        var redrawn = LabelledGrid.Render(title, labels, columns, tiles, Side, Side, Scale);

        redrawn.Shape.Should().Be(verified.Shape);
        redrawn.Pixels.Should().Equal(verified.Pixels, $"{name}.verified.png is the current drawing of its tiles");
    }

    private static byte[] TileAt(RasterImage image, (int Left, int Top) corner) =>
        [.. Enumerable.Range(0, Side * Side).Select(p => image[corner.Left + ((p % Side) * Scale), corner.Top + ((p / Side) * Scale)])];
}
