namespace LaVae.Reports.Images;

/// <summary>
/// One cell of a <see cref="LabelledGrid"/>: a gray image tile, or a short text drawn in a tile's place
/// (e.g. a verdict under a decoded digit), set in the grid's font at the grid's size rather than scaled
/// up with the tiles.
/// </summary>
public sealed record GridCell
{
    private GridCell(byte[]? pixels, string? text)
    {
        Pixels = pixels;
        Text = text;
    }

    /// <summary>Row-major gray bytes of a tile; null for a text cell.</summary>
    public byte[]? Pixels { get; }

    /// <summary>Lines separated by '\n'; null for an image tile.</summary>
    public string? Text { get; }

    public static GridCell Tile(byte[] pixels) => new(pixels ?? throw new ArgumentNullException(nameof(pixels)), null);

    public static GridCell Words(string text) => new(null, text ?? throw new ArgumentNullException(nameof(text)));
}
