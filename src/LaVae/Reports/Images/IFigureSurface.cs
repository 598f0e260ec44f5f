namespace LaVae.Reports.Images;

/// <summary>
/// What a figure draws on, so one layout renders both to PNG (<see cref="Canvas"/>) and to SVG
/// (<see cref="SvgDocument"/>) and the two cannot drift apart. Coordinates are pixels; text is
/// placed and sized as <see cref="BitmapFont"/> would draw it at <c>scale</c>.
/// </summary>
internal interface IFigureSurface
{
    /// <param name="role">What the rectangle is (e.g. "cell"); SVG keeps it as the class, so readers and tests can find it.</param>
    void Rect(int x, int y, int width, int height, RgbColour fill, string? role = null);

    /// <summary>A 1-pixel frame just inside the rectangle.</summary>
    void Outline(int x, int y, int width, int height, RgbColour stroke);

    /// <summary>(x, y) is the point of the text's box that the alignments name, as in <see cref="Canvas.DrawText"/>.</summary>
    void Text(int x, int y, string text, RgbColour colour, int scale, TextAlign horizontal, TextAlign vertical);

    /// <summary>A rectangle shading linearly through <paramref name="bottomToTop"/>, evenly spaced, from its bottom edge to its top.</summary>
    void VerticalGradient(int x, int y, int width, int height, IReadOnlyList<RgbColour> bottomToTop);
}
