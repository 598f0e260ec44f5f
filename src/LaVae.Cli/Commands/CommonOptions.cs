using System.CommandLine;
using LaVae.Torch;

namespace LaVae.Cli.Commands;

/// <summary>Options every engine-running command shares, and the engine setup they imply.</summary>
internal static class CommonOptions
{
    public static Option<string> Device() => new("--device")
    {
        Description = "cpu, cuda or cuda:N.",
        DefaultValueFactory = _ => "cpu",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "libtorch intra-op threads (0: one per core).",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>Parses the device, checks it exists, sets threads and warns about a slow BLAS.</summary>
    public static Device Setup(string device, int threads)
    {
        var dev = LaVae.Torch.Device.Parse(device);
        Engine.RequireDevice(dev);
        if (threads > 0)
        {
            Engine.Threads = threads;
        }
        else
        {
            Engine.UseAllCores();
        }

        if (Blas.SlowBlasWarning() is { } warning)
        {
            Console.Error.WriteLine(warning);
        }

        return dev;
    }
}
