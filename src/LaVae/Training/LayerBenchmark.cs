using System.Diagnostics;
using LaVae.Torch;

namespace LaVae.Training;

/// <summary>Forward and backward time of one convolution layer, batch of the paper's size.</summary>
public sealed record LayerTiming(string Layer, string Implementation, double ForwardMs, double BackwardMs);

/// <summary>
/// The decoder's and encoder's convolutions at the paper's sizes, each as LibTorch's own kernel and as
/// LaVae's column form, timed in alternation: the measurement behind <see cref="ColumnConvolution"/>.
/// </summary>
public static class LayerBenchmark
{
    public static IReadOnlyList<LayerTiming> Run(Device device, int filters, int batchSize, int repeats, int warmup = 5)
    {
        using var generator = new Generator(1, device);
        var f = filters;
        var layers = new (string Layer, string Implementation, nn.Module<Tensor, Tensor> Module, long[] Input)[]
        {
            ($"conv 1->{f}", "libtorch", Layers.Conv2d(1, f, 4, 2, 1, generator, device), [batchSize, 1, 28, 28]),
            ($"conv 1->{f}", "column", new ColumnConv2d(1, f, 4, 2, 1, generator, device), [batchSize, 1, 28, 28]),
            ($"conv {f}->{2 * f}", "libtorch", Layers.Conv2d(f, 2 * f, 4, 2, 1, generator, device), [batchSize, f, 14, 14]),
            ($"conv {f}->{2 * f}", "column", new ColumnConv2d(f, 2 * f, 4, 2, 1, generator, device), [batchSize, f, 14, 14]),
            ($"convT {2 * f}->{f}", "libtorch", Layers.ConvTranspose2d(2 * f, f, 4, 2, 1, generator, device), [batchSize, 2 * f, 7, 7]),
            ($"convT {2 * f}->{f}", "column", new ColumnConvTranspose2d(2 * f, f, 4, 2, 1, generator, device), [batchSize, 2 * f, 7, 7]),
            ($"convT {f}->1", "libtorch", Layers.ConvTranspose2d(f, 1, 4, 2, 1, generator, device), [batchSize, f, 14, 14]),
            ($"convT {f}->1", "column", new ColumnConvTranspose2d(f, 1, 4, 2, 1, generator, device), [batchSize, f, 14, 14]),
        };
        var totals = new (double Forward, double Backward)[layers.Length];
        var watch = new Stopwatch();
        for (var round = 0; round < warmup + repeats; round++)
        {
            for (var i = 0; i < layers.Length; i++)
            {
                using var scope = NewDisposeScope();
                var x = randn(layers[i].Input, device: device, generator: generator).requires_grad_();
                TorchRuntime.Synchronize(device);
                watch.Restart();
                var y = layers[i].Module.forward(x);
                TorchRuntime.Synchronize(device);
                var forward = watch.Elapsed.TotalMilliseconds;
                y.sum().backward();
                TorchRuntime.Synchronize(device);
                if (round >= warmup)
                {
                    totals[i] = (totals[i].Forward + forward, totals[i].Backward + watch.Elapsed.TotalMilliseconds - forward);
                }
            }
        }

        foreach (var layer in layers)
        {
            layer.Module.Dispose();
        }

        return [.. layers.Select((l, i) => new LayerTiming(l.Layer, l.Implementation, totals[i].Forward / repeats, totals[i].Backward / repeats))];
    }
}
