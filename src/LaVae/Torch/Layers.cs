using TorchSharp.Modules;

namespace LaVae.Torch;

/// <summary>
/// torch.nn's layers, initialised as PyTorch initialises them but from the model's seeded generator:
/// TorchSharp's constructors draw from the global generator, so each layer's weight and then bias
/// are drawn again here, which makes a model a function of its seed alone.
/// </summary>
public static class Layers
{
    public static Linear Linear(long inFeatures, long outFeatures, Generator generator, Device device)
    {
        var layer = nn.Linear(inFeatures, outFeatures, hasBias: true, device: device);
        Reset(layer.weight!, layer.bias, generator);
        return layer;
    }

    public static Conv2d Conv2d(long inChannels, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
    {
        var layer = nn.Conv2d(inChannels, outChannels, kernel, stride: stride, padding: padding, device: device);
        Reset(layer.weight!, layer.bias, generator);
        return layer;
    }

    /// <summary>Weight (in, out, k, k); its fan-in is taken from dim 1 (out·k·k), as PyTorch does.</summary>
    public static ConvTranspose2d ConvTranspose2d(long inChannels, long outChannels, long kernel, long stride, long padding, Generator generator, Device device)
    {
        var layer = nn.ConvTranspose2d(inChannels, outChannels, kernel, stride: stride, padding: padding, device: device);
        Reset(layer.weight!, layer.bias, generator);
        return layer;
    }

    private static void Reset(Tensor weight, Tensor? bias, Generator generator)
    {
        Init.DefaultWeight(weight, generator);
        if (bias is not null)
        {
            Init.DefaultBias(bias, Init.Fans(weight.shape).FanIn, generator);
        }
    }
}
