namespace LaVae.Reports.Images;

/// <summary>Piecewise-linear interpolation through evenly spaced colour stops, the way an SVG gradient shades.</summary>
internal static class ColourRamp
{
    /// <param name="t">0 gives the first stop, 1 the last; values outside are clamped.</param>
    internal static RgbColour At(IReadOnlyList<RgbColour> stops, double t)
    {
        double position = Math.Clamp(t, 0, 1) * (stops.Count - 1);
        int below = Math.Min((int)position, stops.Count - 2);
        return stops[below].Towards(stops[below + 1], position - below);
    }
}
