using System.Reflection;
using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>
/// The one font every figure is drawn with: DejaVu Sans, regular and bold, shipped inside the assembly
/// (src/LaVae/Reports/Fonts, with its licence). Skia draws no text, and raises no error, on a machine
/// with no font installed; and an installed font differs between machines. A shipped font makes every
/// machine draw the same pixels.
/// </summary>
public static class FigureFont
{
    /// <summary>The family name ScottPlot is told to use: our own, so no installed font can answer to it.</summary>
    public const string Family = "LaVae DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<bool> Registration = new(Register);

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>A Skia font of the shipped typeface, anti-aliased with subpixel positions, as ScottPlot draws its text.</summary>
    public static SKFont Font(float size, bool bold = false) =>
        new(bold ? Bold : Regular, size) { Edging = SKFontEdging.Antialias, Subpixel = true };

    /// <summary>
    /// Puts the shipped font first among ScottPlot's font resolvers and makes it the default; once per
    /// process. Every figure built on ScottPlot calls this before it creates a plot, whose labels take
    /// the default font when they are made.
    /// </summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    private static bool Register()
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new ShippedFontResolver());
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return true;
    }

    private static SKTypeface Load(string file)
    {
        string resource = $"LaVae.Reports.Fonts.{file}";
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font {resource} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        // Skia reads glyphs from the font's bytes as it draws: it gets its own copy, not a stream that is closed here.
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidDataException($"Skia cannot read the embedded font {resource}.");
    }
}
