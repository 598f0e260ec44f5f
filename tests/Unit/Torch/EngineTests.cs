using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

[Collection(ProcessWide.Name)]
public class EngineTests
{
    [Theory]
    [InlineData("cpu", DeviceType.Cpu, 0)]
    [InlineData(" CPU ", DeviceType.Cpu, 0)]
    [InlineData("cuda", DeviceType.Cuda, 0)]
    [InlineData("cuda:3", DeviceType.Cuda, 3)]
    public void Device_parse_reads_cpu_cuda_and_cuda_n(string text, DeviceType type, int index)
    {
        var device = Device.Parse(text);
        device.Should().Be(new Device(type, index));
        Device.Parse(device.ToString()).Should().Be(device);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void Device_parse_rejects_anything_else(string text)
    {
        var act = () => Device.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("*use cpu, cuda or cuda:N*");
    }

    [Fact]
    public void Version_and_configuration_come_from_libtorch()
    {
        Engine.TorchVersion.Should().MatchRegex(@"^\d+\.\d+\.\d+");
        Engine.TorchConfig.Should().Contain("PyTorch built with");
    }

    [Fact]
    public void Cuda_facts_agree_and_a_missing_device_is_refused_with_what_exists()
    {
        Engine.CudaDeviceCount.Should().BeGreaterThanOrEqualTo(0);
        Engine.CudaIsAvailable.Should().Be(Engine.CudaDeviceCount > 0);
        var act = () => Engine.RequireDevice(Device.Cuda(99));
        act.Should().Throw<InvalidOperationException>().WithMessage($"*sees {Engine.CudaDeviceCount} CUDA device(s)*");
        Engine.RequireDevice(Device.Cpu);
        Engine.Synchronize(Device.Cpu);
    }

    [Fact]
    public void Thread_count_can_be_set_and_read_back()
    {
        var original = Engine.Threads;
        try
        {
            Engine.Threads = 1;
            Engine.Threads.Should().Be(1);
            Engine.Threads = 2;
            Engine.Threads.Should().Be(2);
        }
        finally
        {
            Engine.Threads = original;
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
