using System.Runtime.InteropServices;
using System.Text;
using LaVae.Torch.Interop;

namespace LaVae.Torch;

/// <summary>Process-wide engine settings and facts: seeds, threads, determinism, CUDA, versions.</summary>
public static class Engine
{
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Disables gradient recording on this thread until the returned scope is disposed.</summary>
    public static IDisposable NoGrad() => new GradModeScope(enabled: false);

    /// <summary>Enables gradient recording on this thread until the returned scope is disposed.</summary>
    public static IDisposable EnableGrad() => new GradModeScope(enabled: true);

    public static bool IsGradEnabled => NativeMethods.lavae_grad_enabled() != 0;

    /// <summary>Seeds libtorch's global generators (CPU and CUDA).</summary>
    public static void ManualSeed(ulong seed) => Check.Status(NativeMethods.lavae_manual_seed(seed));

    /// <summary>libtorch's intra-op threads (setting it also keeps OpenBLAS on one thread, see runtime.cpp).</summary>
    public static int Threads
    {
        get => NativeMethods.lavae_get_num_threads();
        set => Check.Status(NativeMethods.lavae_set_num_threads(value));
    }

    /// <summary>One intra-op thread per core: libtorch's own default can be a single thread.</summary>
    public static void UseAllCores() => Threads = Environment.ProcessorCount;

    /// <summary>Makes libtorch use deterministic algorithms only (and cuDNN deterministic, not benchmarking).</summary>
    public static void SetDeterministic(bool enabled) => Check.Status(NativeMethods.lavae_set_deterministic(enabled ? 1 : 0));

    public static bool CudaIsAvailable => NativeMethods.lavae_cuda_is_available() != 0;

    public static int CudaDeviceCount => NativeMethods.lavae_cuda_device_count();

    public static void Synchronize(Device device)
    {
        if (device.Type == DeviceType.Cuda)
        {
            Check.Status(NativeMethods.lavae_cuda_synchronize(device.Index));
        }
    }

    public static string TorchVersion => Marshal.PtrToStringUTF8(NativeMethods.lavae_torch_version()) ?? "unknown";

    /// <summary>libtorch's build configuration (compiler, BLAS, CUDA), as torch.__config__.show().</summary>
    public static unsafe string TorchConfig
    {
        get
        {
            var buffer = new byte[16384];
            fixed (byte* p = buffer)
            {
                Check.Status(NativeMethods.lavae_torch_config(p, buffer.Length));
            }

            return Encoding.UTF8.GetString(buffer, 0, Array.IndexOf(buffer, (byte)0));
        }
    }

    /// <summary>Checks the device exists, with a message that says what is available.</summary>
    public static void RequireDevice(Device device)
    {
        if (device.Type == DeviceType.Cuda && (!CudaIsAvailable || device.Index >= CudaDeviceCount))
        {
            throw new InvalidOperationException(
                $"device {device} is not available: this libtorch sees {CudaDeviceCount} CUDA device(s) " +
                "(a CPU-only libtorch sees none; set LIBTORCH to a CUDA build and rebuild).");
        }
    }

    private sealed class GradModeScope : IDisposable
    {
        private readonly bool previous;

        public GradModeScope(bool enabled)
        {
            previous = IsGradEnabled;
            NativeMethods.lavae_set_grad_enabled(enabled ? 1 : 0);
        }

        public void Dispose() => NativeMethods.lavae_set_grad_enabled(previous ? 1 : 0);
    }
}
