namespace LaVae.Reports.Images;

/// <summary>How a grid is laid out.</summary>
/// <param name="Scale">Each tile pixel becomes a Scale x Scale block (nearest neighbour).</param>
/// <param name="Gap">Pixels between neighbouring tiles, in the output image (not scaled).</param>
/// <param name="GapLevel">
/// The gray level of the gaps and of empty cells; mid-gray by default, so tiles stand out both
/// when their background is black (digits) and when it is white (edge maps).
/// </param>
public sealed record GridStyle(int Scale = 1, int Gap = 2, byte GapLevel = 128)
{
    public static GridStyle Default { get; } = new();
}
