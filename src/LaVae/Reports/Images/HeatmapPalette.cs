namespace LaVae.Reports.Images;

/// <summary>The colours of heatmaps.</summary>
internal static class HeatmapPalette
{
    /// <summary>
    /// Viridis sampled at ten points, low to high: sequential, lighter as values grow, readable in
    /// gray print and by colour-blind readers.
    /// </summary>
    internal static readonly RgbColour[] Sequential =
    [
        new(0x44, 0x01, 0x54), new(0x48, 0x28, 0x78), new(0x3e, 0x4a, 0x89), new(0x31, 0x68, 0x8e), new(0x26, 0x82, 0x8e),
        new(0x1f, 0x9e, 0x89), new(0x35, 0xb7, 0x79), new(0x6e, 0xce, 0x58), new(0xb5, 0xde, 0x2b), new(0xfd, 0xe7, 0x25),
    ];

    /// <summary>A missing cell: a neutral gray, which viridis never produces.</summary>
    internal static readonly RgbColour Missing = RgbColour.Gray(217);

    internal static readonly RgbColour Text = RgbColour.Gray(20);

    /// <summary>Black or white, whichever contrasts more with <paramref name="fill"/> (WCAG contrast ratio).</summary>
    internal static RgbColour TextOn(RgbColour fill) =>
        (fill.Luminance + 0.05) / 0.05 >= 1.05 / (fill.Luminance + 0.05) ? RgbColour.Black : RgbColour.White;
}
