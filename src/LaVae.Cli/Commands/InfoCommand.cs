using System.CommandLine;
using LaVae.Torch;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae info</c>: which TorchSharp, libtorch, threads and CUDA devices this build runs on.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the engine: TorchSharp and libtorch versions, threads, CUDA.");
        command.SetAction(_ =>
        {
            var libtorchDefault = TorchRuntime.Threads;
            TorchRuntime.UseAllCores();
            Console.WriteLine($"TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch {TorchRuntime.Version}; intra-op threads: {TorchRuntime.Threads} as lavae runs (one per core), libtorch's default {libtorchDefault}");
            Console.WriteLine($"CUDA: {(TorchRuntime.CudaIsAvailable ? $"{TorchRuntime.CudaDeviceCount} device(s)" : "not available")}");
            return 0;
        });
        return command;
    }
}
