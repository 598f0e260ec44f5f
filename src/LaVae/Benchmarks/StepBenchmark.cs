using System.Diagnostics;
using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Torch.Optimizers;

namespace LaVae.Benchmarks;

/// <summary>
/// Throughput of stage-1 training steps, where a step's time goes, and the managed side of a step:
/// bytes the .NET code allocates, tensors TorchSharp creates, and the garbage collector's pauses.
/// </summary>
public sealed record StepBenchmarkResult(
    Device Device, int Threads, int BatchSize, int Filters, int Steps, double ImagesPerSecond,
    double DataMs, double ForwardMs, double BackwardMs, double OptimizerMs,
    double AllocatedBytesPerStep, double TensorsPerStep, int Gen0Collections, double GcPauseMs)
{
    public double StepMs => DataMs + ForwardMs + BackwardMs + OptimizerMs;
}

/// <summary>
/// Times stage-1 steps of the paper's conv VAE (summed BCE + KL, AdaBelief) on a resident uint8
/// dataset, batches by index selection, as the real trainer does. Each phase is timed separately
/// (with a device synchronisation on CUDA so the phases do not blur into each other).
/// </summary>
public static class StepBenchmark
{
    public static StepBenchmarkResult Run(Device device, ModelShape shape, int batchSize, int steps, int warmup = 5)
    {
        ArgumentNullException.ThrowIfNull(shape);
        MklVectorMathThreads.ApplyToCallingThread();
        using var generator = new Generator(1, device);
        using var images = randint(0, 256, [4096, 28, 28], dtype: ScalarType.Byte, device: device, generator: generator).DetachFromDisposeScope();
        using var model = new PlainVae(shape, generator, device);
        using var optimizer = new AdaBelief([.. model.parameters()], learningRate: 1e-3);
        var watch = new Stopwatch();
        double data = 0, forward = 0, backward = 0, step = 0;
        long allocated = 0, tensors = 0;
        var (collections, pause) = (0, TimeSpan.Zero);
        for (var i = 0; i < warmup + steps; i++)
        {
            if (i == warmup)
            {
                (allocated, tensors) = (GC.GetAllocatedBytesForCurrentThread(), CreatedTensors());
                (collections, pause) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
            }

            using var scope = NewDisposeScope();
            var timed = i >= warmup;
            Lap(watch, device, restart: true);
            var indices = randint(0, images.size(0), [batchSize], device: device, generator: generator);
            var x = AlignedSets.ToModelInput(images.index_select(0, indices));
            var t0 = Lap(watch, device);
            var (mu, logVar) = model.Encoder.forward(x);
            var z = VaeObjective.Reparameterize(mu, logVar, generator);
            var loss = VaeObjective.Reconstruction(model.Decoder.forward(z), x) + VaeObjective.KlDivergence(mu, logVar);
            var t1 = Lap(watch, device);
            optimizer.ZeroGrad();
            loss.backward();
            var t2 = Lap(watch, device);
            optimizer.Step();
            var t3 = Lap(watch, device);
            if (timed)
            {
                data += t0;
                forward += t1 - t0;
                backward += t2 - t1;
                step += t3 - t2;
            }
        }

        var total = data + forward + backward + step;
        return new StepBenchmarkResult(device, TorchRuntime.Threads, batchSize, shape.Filters, steps,
            steps * batchSize / (total / 1000), data / steps, forward / steps, backward / steps, step / steps,
            (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)steps, (CreatedTensors() - tensors) / (double)steps,
            GC.CollectionCount(0) - collections, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
    }

    private static long CreatedTensors() =>
        DisposeScopeManager.Statistics.CreatedInScopeCount + DisposeScopeManager.Statistics.CreatedOutsideScopeCount;

    private static double Lap(Stopwatch watch, Device device, bool restart = false)
    {
        TorchRuntime.Synchronize(device);
        if (restart)
        {
            watch.Restart();
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}
