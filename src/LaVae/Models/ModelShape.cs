namespace LaVae.Models;

/// <summary>The sizes that fix a model's parameters: F conv filters and the latent width.</summary>
public sealed record ModelShape(int Filters = 64, int Latent = 16)
{
    /// <summary>Two stride-2 convolutions take 28x28 to 7x7 with 2F channels.</summary>
    public int FlatFeatures => 2 * Filters * 7 * 7;
}
