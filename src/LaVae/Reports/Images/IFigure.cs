using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>
/// A figure of a fixed size in pixels that draws itself on a Skia canvas; <see cref="FigureFile"/>
/// turns the one drawing into both a PNG and an SVG.
/// </summary>
public interface IFigure
{
    int Width { get; }

    int Height { get; }

    /// <summary>Draws on a white canvas of <see cref="Width"/> x <see cref="Height"/>.</summary>
    void Draw(SKCanvas canvas);
}
