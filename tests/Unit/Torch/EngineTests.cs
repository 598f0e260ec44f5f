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
        device.type.Should().Be(type, "'{0}' names that kind of device", text);
        Math.Max(device.index, 0).Should().Be(index, "'{0}' names that device index", text);
        var again = TorchRuntime.ParseDevice(TorchRuntime.Name(device));
        (again.type, Math.Max(again.index, 0)).Should().Be((device.type, Math.Max(device.index, 0)), "a device's name parses back to it");
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("cuda:1:2")]
    [InlineData("")]
    public void Device_parse_rejects_anything_else(string text)
    {
        var act = () => TorchRuntime.ParseDevice(text);
        act.Should().Throw<FormatException>().WithMessage("*use cpu, cuda or cuda:N*");
    }

    [Fact]
    public void Version_looks_like_a_libtorch_version()
    {
        TorchRuntime.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+", "TorchSharp reports the libtorch version it binds");
    }

    [Fact]
    public void Cuda_facts_agree_and_a_missing_device_is_refused_with_what_exists()
    {
        TorchRuntime.CudaDeviceCount.Should().BeGreaterThanOrEqualTo(0);
        TorchRuntime.CudaIsAvailable.Should().Be(TorchRuntime.CudaDeviceCount > 0);
        var act = () => TorchRuntime.RequireDevice(new Device(DeviceType.CUDA, 99));
        act.Should().Throw<InvalidOperationException>().WithMessage($"*sees {TorchRuntime.CudaDeviceCount} CUDA device(s)*");
        TorchRuntime.RequireDevice(CPU);
        TorchRuntime.Synchronize(CPU);
    }

    [Fact]
    public void Requiring_cuda_on_a_build_without_it_names_the_cpu_package()
    {
        var act = () => TorchRuntime.RequireDevice(TorchRuntime.ParseDevice("cuda"));
        if (TorchRuntime.CudaIsAvailable)
        {
            act.Should().NotThrow("this libtorch sees a CUDA device");
        }
        else
        {
            act.Should().Throw<InvalidOperationException>("a CPU build sees no CUDA device")
                .WithMessage("*device cuda:0 is not available*TorchSharp-cpu sees none*");
        }
    }

    [Fact]
    public void Device_names_are_cpu_or_cuda_with_an_index()
    {
        TorchRuntime.Name(CPU).Should().Be("cpu");
        TorchRuntime.Name(new Device(DeviceType.CUDA, -1)).Should().Be("cuda:0", "a CUDA device without an index is device 0");
        TorchRuntime.Name(new Device(DeviceType.CUDA, 2)).Should().Be("cuda:2");
    }

    [Fact]
    public void Thread_count_can_be_set_and_read_back()
    {
        var original = TorchRuntime.Threads;
        try
        {
            TorchRuntime.Threads = 1;
            TorchRuntime.Threads.Should().Be(1, "the intra-op thread count reads back as set");
            TorchRuntime.Threads = 2;
            TorchRuntime.Threads.Should().Be(2);
        }
        finally
        {
            TorchRuntime.Threads = original;
        }
    }
}
