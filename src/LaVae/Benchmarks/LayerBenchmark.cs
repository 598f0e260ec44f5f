using System.Diagnostics;
using LaVae.Torch;

namespace LaVae.Benchmarks;

/// <summary>Forward and backward time of one convolution layer, batch of the paper's size.</summary>
public sealed record LayerTiming(string Layer, string Implementation, double ForwardMs, double BackwardMs);

/// <summary>
/// The decoder's and encoder's convolutions at the paper's sizes, each as LibTorch's own kernel and as
/// LaVae's own forms (<see cref="ColumnConvTranspose2d"/>, <see cref="SeparateBiasConvTranspose2d"/>),
/// timed in alternation. A layer that follows a ReLU in the models is timed with that ReLU before
/// it, since the layout of the gradient a layer hands back decides how fast the ReLU's backward runs.
/// </summary>
public static class LayerBenchmark
{
    public static IReadOnlyList<LayerTiming> Run(Device device, int filters, int batchSize, int repeats, int warmup = 5)
    {
        using var generator = new Generator(1, device);
        var f = filters;
        var layers = new (string Layer, string Implementation, nn.Module<Tensor, Tensor> Module, long[] Input, bool AfterRelu)[]
        {
            ($"conv 1->{f}", "libtorch", Layers.Conv2d(1, f, 4, 2, 1, generator, device), [batchSize, 1, 28, 28], false),
            ($"conv 1->{f}", "column", new ColumnConv2d(1, f, 4, 2, 1, generator, device), [batchSize, 1, 28, 28], false),
            ($"relu, conv {f}->{2 * f}", "libtorch", Layers.Conv2d(f, 2 * f, 4, 2, 1, generator, device), [batchSize, f, 14, 14], true),
            ($"relu, conv {f}->{2 * f}", "column", new ColumnConv2d(f, 2 * f, 4, 2, 1, generator, device), [batchSize, f, 14, 14], true),
            ($"convT {2 * f}->{f}", "libtorch", Layers.ConvTranspose2d(2 * f, f, 4, 2, 1, generator, device), [batchSize, 2 * f, 7, 7], false),
            ($"convT {2 * f}->{f}", "bias apart", new SeparateBiasConvTranspose2d(2 * f, f, 4, 2, 1, generator, device), [batchSize, 2 * f, 7, 7], false),
            ($"convT {2 * f}->{f}", "column", new ColumnConvTranspose2d(2 * f, f, 4, 2, 1, generator, device), [batchSize, 2 * f, 7, 7], false),
            ($"relu, convT {f}->1", "libtorch", Layers.ConvTranspose2d(f, 1, 4, 2, 1, generator, device), [batchSize, f, 14, 14], true),
            ($"relu, convT {f}->1", "column", new ColumnConvTranspose2d(f, 1, 4, 2, 1, generator, device), [batchSize, f, 14, 14], true),
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
                var y = layers[i].Module.forward(layers[i].AfterRelu ? x.relu() : x);
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
