namespace LaVae.Reports.Images;

/// <summary>One cell of a heatmap: <paramref name="Value"/> picks its colour, <paramref name="Text"/> is written in it (e.g. "512.3 ± 8.1").</summary>
public sealed record HeatmapCell(double Value, string Text);
