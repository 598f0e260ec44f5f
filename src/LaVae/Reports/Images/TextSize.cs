namespace LaVae.Reports.Images;

/// <summary>The box, in pixels, that a text drawn with <see cref="BitmapFont"/> occupies.</summary>
public readonly record struct TextSize(int Width, int Height);
