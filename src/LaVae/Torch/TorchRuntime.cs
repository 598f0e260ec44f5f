using System.Globalization;

namespace LaVae.Torch;

/// <summary>The process-wide libtorch settings LaVae reads and sets: threads, devices, version.</summary>
public static class TorchRuntime
{
    public static int Threads
    {
        get => get_num_threads();
        set
        {
            set_num_threads(value);
            MklVectorMathThreads.ApplyToCallingThread();
        }
    }

    public static void UseAllCores() => Threads = Environment.ProcessorCount;

    /// <summary>The LibTorch version TorchSharp was built against (TorchSharp reports it as 2.10.0.0).</summary>
    public static string Version => __version__;

    public static bool CudaIsAvailable => cuda.is_available();

    public static int CudaDeviceCount => CudaIsAvailable ? cuda.device_count() : 0;

    /// <summary>cpu, cuda or cuda:N; anything else is a <see cref="FormatException"/> naming the text.</summary>
    public static Device ParseDevice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        if (value == "cpu") return CPU;
        if (value == "cuda") return new Device(DeviceType.CUDA, 0);
        if (value.StartsWith("cuda:", StringComparison.Ordinal) &&
            int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return new Device(DeviceType.CUDA, index);
        }

        throw new FormatException($"'{text}' is not a device; use cpu, cuda or cuda:N");
    }

    /// <summary>cpu or cuda:N, the spelling device strings and run keys use.</summary>
    public static string Name(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.type == DeviceType.CPU ? "cpu" : $"cuda:{Math.Max(device.index, 0)}";
    }

    public static void RequireDevice(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.type == DeviceType.CUDA && device.index >= CudaDeviceCount)
        {
            throw new InvalidOperationException(
                $"device {Name(device)} is not available: this libtorch sees {CudaDeviceCount} CUDA device(s) " +
                "(TorchSharp-cpu sees none; build with -p:TorchBackend=cuda for TorchSharp-cuda-linux).");
        }
    }

    /// <summary>Waits for queued CUDA work (timing only; never in a training step).</summary>
    public static void Synchronize(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.type == DeviceType.CUDA)
        {
            cuda.synchronize(device);
        }
    }
}
