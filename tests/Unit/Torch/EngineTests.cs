using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

[Collection(ProcessWide.Name)]
public class EngineTests
{
    [Theory]
    [InlineData("cpu", DeviceType.CPU, 0)]
    [InlineData(" CPU ", DeviceType.CPU, 0)]
    [InlineData("cuda", DeviceType.CUDA, 0)]
    [InlineData("cuda:3", DeviceType.CUDA, 3)]
    public void Device_parse_reads_cpu_cuda_and_cuda_n(string text, DeviceType type, int index)
    {
        var device = TorchRuntime.ParseDevice(text);
        device.Should().Be(new Device(type, index));
        TorchRuntime.ParseDevice(device.ToString()).Should().Be(device);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void Device_parse_rejects_anything_else(string text)
    {
        var act = () => TorchRuntime.ParseDevice(text);
        act.Should().Throw<FormatException>().WithMessage("*use cpu, cuda or cuda:N*");
    }

    [Fact]
    public void Version_and_configuration_come_from_libtorch()
    {
        TorchRuntime.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+");
        Engine.TorchConfig.Should().Contain("PyTorch built with");
    }

    [Fact]
    public void Cuda_facts_agree_and_a_missing_device_is_refused_with_what_exists()
    {
        TorchRuntime.CudaDeviceCount.Should().BeGreaterThanOrEqualTo(0);
        TorchRuntime.CudaIsAvailable.Should().Be(TorchRuntime.CudaDeviceCount > 0);
        var act = () => TorchRuntime.RequireDevice(Device.Cuda(99));
        act.Should().Throw<InvalidOperationException>().WithMessage($"*sees {TorchRuntime.CudaDeviceCount} CUDA device(s)*");
        TorchRuntime.RequireDevice(CPU);
        TorchRuntime.Synchronize(CPU);
    }

    [Fact]
    public void Thread_count_can_be_set_and_read_back()
    {
        var original = TorchRuntime.Threads;
        try
        {
            TorchRuntime.Threads = 1;
            TorchRuntime.Threads.Should().Be(1);
            TorchRuntime.Threads = 2;
            TorchRuntime.Threads.Should().Be(2);
        }
        finally
        {
            TorchRuntime.Threads = original;
        }
    }

    [Fact]
    public void Reference_blas_is_recognised_by_its_path()
    {
        Blas.IsReferenceBlas("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3").Should().BeTrue();
        Blas.IsReferenceBlas("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3").Should().BeFalse();
        Blas.IsReferenceBlas(null).Should().BeFalse();
        (Blas.SlowBlasWarning() is not null).Should().Be(Blas.IsReferenceBlas(Blas.LoadedLibrary()));
    }
}
