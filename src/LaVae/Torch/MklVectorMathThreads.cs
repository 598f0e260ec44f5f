using System.Runtime.InteropServices;

namespace LaVae.Torch;

/// <summary>
/// Runs MKL's vector-math functions (the sqrt and exp LibTorch's CPU kernels call) on one thread.
/// ATen turns MKL's dynamic threading off and sets each thread's MKL count to the intra-op count, so
/// MKL opened an OpenMP region and woke the sleeping worker for every sqrt and exp, even of a
/// 64-element bias: about 17 of a training step's 140 regions; 129 remain with this (counted with a
/// uprobe on GOMP_parallel).
/// ATen's kernels already split a tensor of over 2,048 elements across its own workers before they
/// call MKL, so vector math loses no parallelism; results are elementwise and do not change.
/// BLAS keeps LibTorch's thread count. MKL's thread settings are per calling thread, and ATen
/// writes them the first time a thread runs a parallel op, so each thread that trains calls
/// <see cref="ApplyToCallingThread"/> first. LibTorch builds without MKL (macOS) have nothing to set.
/// </summary>
public static unsafe class MklVectorMathThreads
{
    /// <summary>MKL's domain numbers (mkl_service.h): the default for every domain, and vector math.</summary>
    private const int DomainAll = 0;
    private const int DomainVectorMath = 3;

    private static readonly Lazy<Entries?> Mkl = new(FindEntries);

    /// <summary>Whether this LibTorch exports MKL's thread controls.</summary>
    public static bool IsAvailable => Mkl.Value is not null;

    /// <summary>MKL's thread count for vector math on the calling thread, or null without MKL.</summary>
    public static int? VectorMathThreads => Mkl.Value is { } mkl ? mkl.DomainMaxThreads(DomainVectorMath) : null;

    /// <summary>MKL's thread count for everything else (BLAS among it) on the calling thread, or null without MKL.</summary>
    public static int? OtherThreads => Mkl.Value is { } mkl ? mkl.DomainMaxThreads(DomainAll) : null;

    /// <summary>Vector math on one thread, the rest of MKL on LibTorch's intra-op thread count.</summary>
    public static void ApplyToCallingThread()
    {
        // get_num_threads also runs ATen's once-per-thread setup, which would otherwise overwrite
        // this thread's MKL count at its first parallel op.
        var threads = get_num_threads();
        if (Mkl.Value is not { } mkl)
        {
            return;
        }

        mkl.SetNumThreads(threads);
        mkl.DomainSetNumThreads(1, DomainVectorMath);
        mkl.SetNumThreadsLocal(0); // 0: this thread follows the settings above, not ATen's per-thread count
    }

    /// <summary>
    /// The C entry points as libtorch_cpu exports them: MKL is linked in statically and exports its
    /// service layer (mkl_serv_*) and the C spelling of the thread-local call; the lower-case
    /// mkl_set_num_threads_local export is the Fortran one, which takes a pointer.
    /// </summary>
    private sealed class Entries(IntPtr setNumThreadsLocal, IntPtr setNumThreads, IntPtr domainSetNumThreads, IntPtr domainMaxThreads)
    {
        public int SetNumThreadsLocal(int threads) => ((delegate* unmanaged<int, int>)setNumThreadsLocal)(threads);

        public void SetNumThreads(int threads) => ((delegate* unmanaged<int, void>)setNumThreads)(threads);

        public int DomainSetNumThreads(int threads, int domain) => ((delegate* unmanaged<int, int, int>)domainSetNumThreads)(threads, domain);

        public int DomainMaxThreads(int domain) => ((delegate* unmanaged<int, int>)domainMaxThreads)(domain);
    }

    private static Entries? FindEntries()
    {
        _ = get_num_threads(); // TorchSharp loads libtorch_cpu on its first call
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libtorch_cpu.so", out var library))
        {
            return null;
        }

        return NativeLibrary.TryGetExport(library, "MKL_Set_Num_Threads_Local", out var local) &&
               NativeLibrary.TryGetExport(library, "mkl_serv_set_num_threads", out var global) &&
               NativeLibrary.TryGetExport(library, "mkl_serv_domain_set_num_threads", out var domainSet) &&
               NativeLibrary.TryGetExport(library, "mkl_serv_domain_get_max_threads", out var domainGet)
            ? new Entries(local, global, domainSet, domainGet)
            : null;
    }
}
