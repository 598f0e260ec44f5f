using System.CommandLine;
using System.Globalization;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Training;

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
        var command = new Command("bench", "Time stage-1 training steps (images/second, and where a step's time goes).")
        {
            device, threads, steps, batch, filters,
        };
        command.SetAction(parse =>
        {
            var dev = CommonOptions.Setup(parse.GetValue(device)!, parse.GetValue(threads));
            var result = StepBenchmark.Run(dev, new ModelShape(parse.GetValue(filters)), parse.GetValue(batch), parse.GetValue(steps));
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"device {result.Device}, threads {result.Threads}, batch {result.BatchSize}, F={result.Filters}, {result.Steps} steps"));
            Console.WriteLine(string.Create(c, $"throughput: {result.ImagesPerSecond:F0} images/s ({result.StepMs:F2} ms/step)"));
            Console.WriteLine(string.Create(c, $"per step: data {result.DataMs:F2} ms, forward {result.ForwardMs:F2} ms, backward {result.BackwardMs:F2} ms, optimizer {result.OptimizerMs:F2} ms"));
            return 0;
        });
        return command;
    }
}
