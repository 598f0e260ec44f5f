using System.Runtime.InteropServices;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

/// <summary>
/// The OpenMP runtime reads its wait policy from the C environment once, when libtorch loads it:
/// LaVae must have set it there (not only in .NET's copy of the environment) by then.
/// </summary>
public partial class OpenMpWaitPolicyTests
{
    [Fact]
    public void The_spin_counts_are_in_the_c_environment_whatever_the_process_was_started_with()
    {
        _ = TorchRuntime.Version; // libtorch, and with it the OpenMP runtime, is loaded by now

        Marshal.PtrToStringUTF8(getenv("GOMP_SPINCOUNT")).Should().Be("100");
        Marshal.PtrToStringUTF8(getenv("KMP_BLOCKTIME")).Should().Be("0");
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr getenv(string name);
}
