using System.Globalization;

namespace LaVae.Reports.Images;

/// <summary>An 8-bit sRGB colour, as figures draw it and as SVG writes it (<see cref="Hex"/>).</summary>
public readonly record struct RgbColour(byte R, byte G, byte B)
{
    public static RgbColour White { get; } = new(255, 255, 255);

    public static RgbColour Black { get; } = new(0, 0, 0);

    public static RgbColour Gray(byte level) => new(level, level, level);

    /// <summary>"#rrggbb", lower case.</summary>
    public string Hex => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    /// <summary>The colour a fraction <paramref name="t"/> of the way from this one to <paramref name="other"/>, per channel in sRGB (as SVG gradients interpolate).</summary>
    internal RgbColour Towards(RgbColour other, double t) =>
        new(Mix(R, other.R, t), Mix(G, other.G, t), Mix(B, other.B, t));

    /// <summary>WCAG relative luminance, 0 (black) to 1 (white): what decides whether dark or light text reads better on it.</summary>
    internal double Luminance => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    private static byte Mix(byte from, byte to, double t) => (byte)Math.Round(from + ((to - from) * t));

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
