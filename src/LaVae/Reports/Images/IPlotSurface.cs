namespace LaVae.Reports.Images;

/// <summary>
/// A <see cref="IFigureSurface"/> that also draws lines and point markers, for plots with axes
/// (<see cref="ScatterPng"/>, <see cref="ScatterSvg"/>). Coordinates are pixels; a marker's centre may
/// fall between pixels.
/// </summary>
internal interface IPlotSurface : IFigureSurface
{
    /// <summary>A 1-pixel line, both end points included.</summary>
    void Line(int x0, int y0, int x1, int y1, RgbColour colour);

    /// <summary>A filled disc of <paramref name="radius"/> pixels centred on (<paramref name="x"/>, <paramref name="y"/>).</summary>
    /// <param name="role">What the marker is (e.g. "point"); SVG keeps it as the class.</param>
    void Marker(double x, double y, double radius, RgbColour fill, string role);
}
