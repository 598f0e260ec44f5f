namespace LaVae.Reports.Images;

/// <summary>An 8-bit sRGB colour of a figure's series.</summary>
public readonly record struct RgbColour(byte R, byte G, byte B)
{
    public static RgbColour White { get; } = new(255, 255, 255);

    public static RgbColour Gray(byte level) => new(level, level, level);
}
