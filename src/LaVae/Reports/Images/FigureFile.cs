using System.Text.RegularExpressions;
using LaVae.IO;
using SkiaSharp;

namespace LaVae.Reports.Images;

/// <summary>
/// A figure as an RGB image or a standalone SVG document, both from its one <see cref="IFigure.Draw"/>.
/// Both are the same bytes on every run: the font is shipped, and SVG clip-path ids are renumbered.
/// </summary>
public static partial class FigureFile
{
    public static RasterImage Raster(IFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var info = new SKImageInfo(figure.Width, figure.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"Skia cannot make a {figure.Width}x{figure.Height} surface.");
        surface.Canvas.Clear(SKColors.White);
        figure.Draw(surface.Canvas);
        var rgba = new byte[info.BytesSize];
        using (var pixmap = surface.PeekPixels())
        {
            System.Runtime.InteropServices.Marshal.Copy(pixmap.GetPixels(), rgba, 0, rgba.Length);
        }

        // The canvas is opaque (cleared white), so premultiplied and straight colours agree.
        var rgb = new byte[figure.Width * figure.Height * 3];
        for (int from = 0, to = 0; from < rgba.Length; from += 4, to += 3)
        {
            rgb[to] = rgba[from];
            rgb[to + 1] = rgba[from + 1];
            rgb[to + 2] = rgba[from + 2];
        }

        return RasterImage.Rgb(figure.Width, figure.Height, rgb);
    }

    public static string Svg(IFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        using var stream = new MemoryStream();
        using (var wrapper = new SKManagedWStream(stream))
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(figure.Width, figure.Height), wrapper))
        {
            canvas.Clear(SKColors.White);
            figure.Draw(canvas);
        }

        return NormaliseClipIds(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void WritePng(string path, IFigure figure) => PngWriter.Write(path, Raster(figure));

    /// <summary>The file appears only once complete.</summary>
    public static void WriteSvg(string path, IFigure figure) => AtomicFile.WriteAllText(path, Svg(figure));

    /// <summary>
    /// Skia names clip paths cl_1, cl_2, ... by a counter that runs on across every SVG a process
    /// writes, so the same figure would differ with what was drawn before it; they become clip0,
    /// clip1, ... in order of first appearance, in their definitions and their references alike.
    /// </summary>
    internal static string NormaliseClipIds(string svg)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, match =>
        {
            if (!renamed.TryGetValue(match.Value, out var name))
            {
                name = $"clip{renamed.Count}";
                renamed.Add(match.Value, name);
            }

            return name;
        });
    }

    [GeneratedRegex("(?<=id=\"|url\\(#)cl_[0-9a-f]+\\b")]
    private static partial Regex ClipId();
}
