using System.Xml.Linq;

namespace LaVae.Tests.Unit.Images;

/// <summary>What an SVG figure says and draws, read back for tests.</summary>
internal static class SvgText
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Every &lt;text&gt; element's content, trimmed (Skia writes it on its own indented line).</summary>
    public static IReadOnlyList<string> Of(string svg) => [.. XDocument.Parse(svg).Descendants(Svg + "text").Select(t => t.Value.Trim())];

    /// <summary>The fill of every element named <paramref name="element"/>, e.g. "rect" or "ellipse".</summary>
    public static IReadOnlyList<string?> Fills(string svg, string element) =>
        [.. XDocument.Parse(svg).Descendants(Svg + element).Select(e => (string?)e.Attribute("fill"))];
}
