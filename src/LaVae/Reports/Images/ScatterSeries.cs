namespace LaVae.Reports.Images;

/// <summary>One coloured cloud of a scatter panel, named in the legend.</summary>
/// <param name="Points">(x, y) in data units.</param>
public sealed record ScatterSeries(string Label, RgbColour Colour, IReadOnlyList<(double X, double Y)> Points);

/// <summary>One scatter plot: a title, axis labels, and its series drawn in order (later ones on top).</summary>
/// <remarks>Every panel of a figure is expected to hold the same series labels; the legend lists the first panel's.</remarks>
public sealed record ScatterPanel(string Title, string XLabel, string YLabel, IReadOnlyList<ScatterSeries> Series);
