using System.CommandLine;
using LaVae.Torch;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae info</c>: which libtorch, BLAS, threads and CUDA devices this build runs on.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the engine: libtorch version and build configuration, BLAS, threads, CUDA.");
        command.SetAction(_ =>
        {
            var libtorchDefault = Engine.Threads;
            Engine.UseAllCores();
            Console.WriteLine($"libtorch {Engine.TorchVersion}; intra-op threads: {Engine.Threads} as lavae runs (one per core), libtorch's default {libtorchDefault}");
            Console.WriteLine($"BLAS mapped: {Blas.LoadedLibrary() ?? "none (statically linked or not loaded)"}");
            Console.WriteLine($"CUDA: {(Engine.CudaIsAvailable ? $"{Engine.CudaDeviceCount} device(s)" : "not available")}");
            if (Blas.SlowBlasWarning() is { } warning)
            {
                Console.WriteLine(warning);
            }

            Console.WriteLine(Engine.TorchConfig);
            return 0;
        });
        return command;
    }
}
