using System.CommandLine;
using System.Globalization;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Training;
using LaVae.Benchmarks;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae bench</c>: stage-1 training throughput on the current device at the paper's sizes.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var steps = new Option<int>("--steps") { Description = "Timed training steps.", DefaultValueFactory = _ => 100 };
        var batch = new Option<int>("--batch") { Description = "Batch size.", DefaultValueFactory = _ => 64 };
        var filters = new Option<int>("--filters") { Description = "Conv filters F.", DefaultValueFactory = _ => 64 };
        var busy = new Option<int>("--busy") { Description = "Spin this many threads of our own beside the benchmark: a machine other work is using.", DefaultValueFactory = _ => 0 };
        var layers = new Option<bool>("--layers") { Description = "Also time each convolution layer as LibTorch's kernel and as LaVae's own forms." };
        var command = new Command("bench", "Time stage-1 training steps (images/second, and where a step's time goes).")
        {
            device, threads, steps, batch, filters, busy, layers,
        };
        command.SetAction(parse =>
        {
            var spinners = CommonOptions.InRange(parse.GetValue(busy), "--busy", 0, 4 * Environment.ProcessorCount);
            var positive = (int value, string name) => CommonOptions.InRange(value, name, 1, int.MaxValue);
            var shape = new ModelShape(positive(parse.GetValue(filters), "--filters"));
            var (batchSize, stepCount) = (positive(parse.GetValue(batch), "--batch"), positive(parse.GetValue(steps), "--steps"));
            var dev = CommonOptions.Setup(parse.GetValue(device)!, parse.GetValue(threads));
            using var load = new BusyLoad(spinners);
            var result = StepBenchmark.Run(dev, shape, batchSize, stepCount);
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"device {result.Device}, threads {result.Threads}, batch {result.BatchSize}, F={result.Filters}, {result.Steps} steps, {spinners} competing spinning thread(s)"));
            Console.WriteLine(string.Create(c, $"throughput: {result.ImagesPerSecond:F0} images/s ({result.StepMs:F2} ms/step)"));
            Console.WriteLine(string.Create(c, $"per step: data {result.DataMs:F2} ms, forward {result.ForwardMs:F2} ms, backward {result.BackwardMs:F2} ms, optimizer {result.OptimizerMs:F2} ms"));
            Console.WriteLine(string.Create(c, $"managed, per step: {result.AllocatedBytesPerStep / 1024:F1} KB allocated, {result.TensorsPerStep:F0} tensors created; {result.Gen0Collections} gen-0 collections and {result.GcPauseMs:F1} ms of GC pauses in {result.Steps} steps"));
            if (parse.GetValue(layers))
            {
                foreach (var timing in LayerBenchmark.Run(dev, shape.Filters, batchSize, Math.Min(stepCount, 50)))
                {
                    Console.WriteLine(string.Create(c, $"layer {timing.Layer,-22} {timing.Implementation,-10} forward {timing.ForwardMs,6:F2} ms, backward {timing.BackwardMs,6:F2} ms"));
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Threads that spin until disposed: the competing load of a shared machine, made on purpose.</summary>
    private sealed class BusyLoad : IDisposable
    {
        private readonly Thread[] threads;
        private volatile bool stop;

        public BusyLoad(int count)
        {
            threads = Enumerable.Range(0, count).Select(_ => new Thread(Spin) { IsBackground = true }).ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }
        }

        public void Dispose()
        {
            stop = true;
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        private void Spin()
        {
            var x = 0UL;
            while (!stop)
            {
                x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            }

            GC.KeepAlive(x);
        }
    }
}
