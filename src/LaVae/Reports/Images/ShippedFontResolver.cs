using ScottPlot;
using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>Answers ScottPlot's requests for <see cref="FigureFont.Family"/> with the shipped typefaces; other names go to the next resolver.</summary>
internal sealed class ShippedFontResolver : IFontResolver
{
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == FigureFont.Family ? (weight >= FontWeight.SemiBold ? FigureFont.Bold : FigureFont.Regular) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);
}
