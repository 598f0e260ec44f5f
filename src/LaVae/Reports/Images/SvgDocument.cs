using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LaVae.IO;

namespace LaVae.Reports.Images;

/// <summary>
/// A standalone SVG picture built as XML, so text is always escaped ('&lt;', '&amp;' in a label
/// cannot break the file). Text is monospace sized like <see cref="BitmapFont"/>, so a figure's
/// SVG and PNG share one layout.
/// </summary>
public sealed class SvgDocument : IPlotSurface
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Monospace fonts advance about 0.6 em, so this many pixels per font scale matches <see cref="BitmapFont.Advance"/>.</summary>
    private const double FontSizePerScale = BitmapFont.Advance / 0.6;

    private readonly XElement root;
    private int gradients;

    public SvgDocument(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        root = new XElement(
            Svg + "svg",
            new XAttribute("width", width),
            new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {width} {height}"),
            new XAttribute("font-family", "DejaVu Sans Mono, Menlo, Consolas, monospace"));
    }

    public void Rect(double x, double y, double width, double height, RgbColour fill, string? cssClass = null) =>
        root.Add(new XElement(
            Svg + "rect",
            Attributes(("x", x), ("y", y), ("width", width), ("height", height)),
            new XAttribute("fill", fill.Hex),
            cssClass is null ? null : new XAttribute("class", cssClass)));

    /// <summary>A 1-pixel frame whose outer edge is the rectangle's.</summary>
    public void Outline(double x, double y, double width, double height, RgbColour stroke) =>
        root.Add(new XElement(
            Svg + "rect",
            Attributes(("x", x + 0.5), ("y", y + 0.5), ("width", width - 1), ("height", height - 1)),
            new XAttribute("fill", "none"),
            new XAttribute("stroke", stroke.Hex)));

    /// <summary>A 1-pixel line through the centres of the end pixels, as <see cref="Canvas.DrawLine"/> fills them.</summary>
    public void Line(double x0, double y0, double x1, double y1, RgbColour stroke) =>
        root.Add(new XElement(
            Svg + "line",
            Attributes(("x1", x0 + 0.5), ("y1", y0 + 0.5), ("x2", x1 + 0.5), ("y2", y1 + 0.5)),
            new XAttribute("stroke", stroke.Hex)));

    public void Circle(double x, double y, double radius, RgbColour fill, string? cssClass = null) =>
        root.Add(new XElement(
            Svg + "circle",
            Attributes(("cx", x), ("cy", y), ("r", radius)),
            new XAttribute("fill", fill.Hex),
            cssClass is null ? null : new XAttribute("class", cssClass)));

    /// <summary>
    /// Text whose first line sits on <paramref name="baseline"/>; each further line (after '\n')
    /// <paramref name="lineHeight"/> lower, as its own &lt;text&gt; in a &lt;g&gt;: tspans would pick up the
    /// file's indentation as spaces.
    /// </summary>
    public void Text(double x, double baseline, string text, RgbColour fill, double fontSize, TextAlign anchor = TextAlign.Start, double lineHeight = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        XElement[] lines = [.. BitmapFont.Lines(text).Select((line, i) => new XElement(
            Svg + "text",
            Attributes(("x", x), ("y", baseline + (i * lineHeight)), ("font-size", fontSize)),
            new XAttribute("fill", fill.Hex),
            new XAttribute("text-anchor", anchor switch { TextAlign.Center => "middle", TextAlign.End => "end", _ => "start" }),
            new XAttribute(XNamespace.Xml + "space", "preserve"),
            XmlSafe(line)))];
        root.Add(lines.Length == 1 ? lines[0] : new XElement(Svg + "g", lines));
    }

    /// <summary>A rectangle shading linearly through <paramref name="bottomToTop"/>, evenly spaced, from its bottom edge to its top.</summary>
    public void VerticalGradient(double x, double y, double width, double height, IReadOnlyList<RgbColour> bottomToTop)
    {
        ArgumentNullException.ThrowIfNull(bottomToTop);
        string id = $"gradient{++gradients}";
        root.Add(new XElement(
            Svg + "linearGradient",
            new XAttribute("id", id),
            Attributes(("x1", 0), ("y1", 1), ("x2", 0), ("y2", 0)),
            bottomToTop.Select((colour, i) => new XElement(
                Svg + "stop",
                Attributes(("offset", bottomToTop.Count == 1 ? 0 : i / (double)(bottomToTop.Count - 1))),
                new XAttribute("stop-color", colour.Hex)))));
        root.Add(new XElement(
            Svg + "rect",
            Attributes(("x", x), ("y", y), ("width", width), ("height", height)),
            new XAttribute("fill", $"url(#{id})")));
    }

    /// <summary>The document as text, with its XML declaration.</summary>
    public override string ToString()
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            new XDocument(root).Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the document; the file appears only once complete.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToString());

    void IFigureSurface.Rect(int x, int y, int width, int height, RgbColour fill, string? role) => Rect(x, y, width, height, fill, role);

    void IFigureSurface.Outline(int x, int y, int width, int height, RgbColour stroke) => Outline(x, y, width, height, stroke);

    /// <summary>Places the text where <see cref="Canvas.DrawText"/> would: baselines <see cref="BitmapFont.Ascent"/> below each line's top.</summary>
    void IFigureSurface.Text(int x, int y, string text, RgbColour colour, int scale, TextAlign horizontal, TextAlign vertical)
    {
        int top = y - Canvas.Offset(BitmapFont.Measure(text, scale).Height, vertical);
        Text(x, top + (BitmapFont.Ascent * scale), text, colour, FontSizePerScale * scale, horizontal, BitmapFont.LineHeight * scale);
    }

    void IPlotSurface.Line(int x0, int y0, int x1, int y1, RgbColour colour) => Line(x0, y0, x1, y1, colour);

    void IPlotSurface.Marker(double x, double y, double radius, RgbColour fill, string role) => Circle(x, y, radius, fill, role);

    void IFigureSurface.VerticalGradient(int x, int y, int width, int height, IReadOnlyList<RgbColour> bottomToTop) =>
        VerticalGradient(x, y, width, height, bottomToTop);

    private static IEnumerable<XAttribute> Attributes(params (string Name, double Value)[] numbers) =>
        numbers.Select(n => new XAttribute(n.Name, n.Value.ToString("0.###", CultureInfo.InvariantCulture)));

    /// <summary>Characters XML cannot hold at all (most control characters) become U+FFFD instead of failing the whole figure.</summary>
    private static string XmlSafe(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                bool pairedSurrogate = char.IsSurrogatePair(source, i) || (i > 0 && char.IsSurrogatePair(source[i - 1], source[i]));
                span[i] = XmlConvert.IsXmlChar(source[i]) || pairedSurrogate ? source[i] : '\uFFFD';
            }
        });
}
