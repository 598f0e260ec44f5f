using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LaVae.Torch;

/// <summary>
/// How long libtorch's idle OpenMP workers spin before they sleep. The runtime's default (libgomp:
/// 300,000 spins) is tuned for a machine of its own: beside any other busy process on 2 cores a
/// spinning worker holds the core the working thread needs, and a training step became 5-7x slower
/// (measured with `lavae bench` while other builds ran: 102 images/s by default, 738-783 with a spin
/// count of 0-100). The OpenMP runtime reads its environment once, when it loads with libtorch, so
/// this is set in the process environment (libc's, which .NET's Environment API does not write)
/// when this assembly loads: before any libtorch call, for the CLI, the tests and library users alike.
/// </summary>
internal static partial class OpenMpWaitPolicy
{
    /// <summary>libgomp's spins before a worker sleeps (GNU OpenMP, used by Debian's and PyTorch's libtorch builds).</summary>
    public const string GnuSpinCount = "100";

    /// <summary>LLVM/Intel OpenMP's equivalent, in milliseconds.</summary>
    public const string IntelBlockTime = "0";

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before any libtorch call loads the OpenMP runtime, whoever the caller is.")]
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        SetEnvironment("GOMP_SPINCOUNT", GnuSpinCount);
        SetEnvironment("KMP_BLOCKTIME", IntelBlockTime);
    }

    private static void SetEnvironment(string name, string value)
    {
        if (setenv(name, value, overwrite: 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);
}
