namespace LaVae.Reports.Images;

/// <summary>Which side of a text's box an anchor point is on: left/top (Start), middle (Center), right/bottom (End).</summary>
public enum TextAlign
{
    Start,
    Center,
    End,
}
