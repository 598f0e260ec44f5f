namespace LaVae.Reports.Images;

/// <summary>
/// Text drawn into a gray tile, so a grid of image tiles (<see cref="LabelledGrid"/>) can carry a row of
/// short verdicts beside its images: dark text on white, each line centred, the block centred.
/// </summary>
public static class TextTile
{
    public static byte[] Gray(string text, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(text);
        var size = BitmapFont.Measure(text);
        if (size.Width > width || size.Height > height)
        {
            throw new ArgumentException($"'{text}' needs {size.Width}x{size.Height} pixels; the tile is {width}x{height}.", nameof(text));
        }

        var canvas = new Canvas(width, height, RgbColour.White);
        canvas.DrawText(width / 2, height / 2, text, RgbColour.Black, 1, TextAlign.Center, TextAlign.Center);
        var tile = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                tile[(y * width) + x] = canvas[x, y].R;
            }
        }

        return tile;
    }
}
