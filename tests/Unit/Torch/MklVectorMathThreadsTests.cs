using System.Runtime.InteropServices;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

/// <summary>
/// MKL's thread settings are per calling thread and ATen writes them at a thread's first parallel
/// op, so each case runs on a thread of its own that has not run LibTorch yet, as a training
/// thread would, with LibTorch's intra-op count at 2 so that one thread is a change.
/// </summary>
public class MklVectorMathThreadsTests
{
    [Fact]
    public void The_linux_x64_libtorch_exports_mkls_thread_controls()
    {
        MklVectorMathThreads.IsAvailable.Should().Be(
            OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64,
            "TorchSharp-cpu's linux-x64 LibTorch links MKL statically and exports its service layer");
    }

    [Fact]
    public void After_the_call_vector_math_runs_on_one_thread_and_the_rest_of_mkl_on_libtorchs_count_even_past_the_first_parallel_op()
    {
        var seen = OnFreshThreadWithTwoIntraOpThreads(() =>
        {
            MklVectorMathThreads.ApplyToCallingThread();
            using var large = rand(1 << 20).sqrt(); // a parallel op: ATen's once-per-thread setup has run by now
            return (MklVectorMathThreads.VectorMathThreads, MklVectorMathThreads.OtherThreads, TorchRuntime.Threads);
        });

        seen.VectorMathThreads.Should().Be(1);
        seen.OtherThreads.Should().Be(seen.Threads, "BLAS keeps LibTorch's intra-op count");
        seen.Threads.Should().Be(2);
    }

    [Fact]
    public void Without_the_call_mkl_runs_vector_math_on_every_intra_op_thread()
    {
        var seen = OnFreshThreadWithTwoIntraOpThreads(() =>
        {
            using var large = rand(1 << 20).sqrt();
            return MklVectorMathThreads.VectorMathThreads;
        });

        seen.Should().Be(2, "this is what the call changes; if LibTorch stops doing it, the call can go");
    }

    [Fact]
    public void Sqrt_and_exp_give_the_same_bits_with_vector_math_on_one_thread_as_on_two()
    {
        var (before, after) = OnFreshThreadWithTwoIntraOpThreads(() =>
        {
            using var generator = new Generator(7);
            using var x = rand([3, 70_001], generator: generator); // far over ATen's 2,048-element grain
            using var small = x[0].narrow(0, 0, 64); // as small as a bias
            Func<float[]> results = () => [.. small.sqrt().data<float>(), .. x.sqrt().data<float>(), .. x.exp().data<float>()];
            var withTwo = results();
            MklVectorMathThreads.ApplyToCallingThread();
            return (withTwo, results());
        });

        after.Should().Equal(before);
    }

    private static T OnFreshThreadWithTwoIntraOpThreads<T>(Func<T> body)
    {
        if (!MklVectorMathThreads.IsAvailable)
        {
            throw new PlatformNotSupportedException("no MKL in this LibTorch; the case above says so");
        }

        var original = get_num_threads();
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var scope = NewDisposeScope();
                set_num_threads(2);
                result = body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        set_num_threads(original);
        return failure is null ? result : throw new InvalidOperationException("the case's thread failed", failure);
    }
}
