using System.Runtime.InteropServices;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class ErrorTests
{
    [Fact]
    public void A_conv2d_channel_mismatch_is_an_ExternalException_with_libtorchs_message()
    {
        using var scope = NewDisposeScope();
        var act = () => nn.functional.conv2d(zeros([1, 3, 8, 8]), zeros([4, 2, 3, 3]), null);
        act.Should().Throw<ExternalException>().WithMessage("*expected input[1, 3, 8, 8] to have 2 channels, but got 3 channels instead*");
    }

    // These tests use mm, not matmul, for a shape error: TorchSharp 0.107's native THSTensor_matmul
    // has no error guard, so libtorch's exception escapes it and terminates the process.
    [Fact]
    public void An_mm_shape_mismatch_is_an_ExternalException_with_libtorchs_message()
    {
        using var scope = NewDisposeScope();
        var act = () => zeros([2, 3]).mm(zeros([4, 5]));
        act.Should().Throw<ExternalException>().WithMessage("*mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)*");
    }

    [Fact]
    public void A_message_starts_with_libtorchs_own_text()
    {
        using var scope = NewDisposeScope();
        var act = () => zeros([3]) + zeros([4]);
        act.Should().Throw<ExternalException>()
            .Which.Message.Should().StartWith("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                "libtorch's message comes first; a C++ backtrace may follow it");
    }

    [Fact]
    public void Other_libtorch_failures_are_ExternalExceptions_too()
    {
        using var scope = NewDisposeScope();
        var x = zeros([2, 3]);
        x.Invoking(t => t.select(0, 5)).Should().Throw<ExternalException>().WithMessage("*select(): index 5 out of range*");
        x.Invoking(t => t.reshape(4, 2)).Should().Throw<ExternalException>().WithMessage("*shape '[4, 2]' is invalid for input of size 6*");
        x.requires_grad_().Invoking(t => (t * 2).backward()).Should().Throw<ExternalException>().WithMessage("*only for scalar outputs*");
        var singular = zeros([2, 2], ScalarType.Float64);
        singular.Invoking(linalg.inv).Should().Throw<ExternalException>().WithMessage("*singular*");
        var act = () => nn.functional.binary_cross_entropy(full([2], 2.0, ScalarType.Float32), zeros([2]));
        act.Should().Throw<ExternalException>().WithMessage("*between 0 and 1*");
    }

    [Fact]
    public void An_error_is_cleared_so_the_next_failure_reports_only_its_own_message()
    {
        using var scope = NewDisposeScope();
        var first = () => zeros([2, 3]).mm(zeros([4, 5]));
        first.Should().Throw<ExternalException>();
        (ones([2]) + 1).ToArray<float>().Should().Equal(2, 2);
        var second = () => zeros([2]).select(0, 7);
        second.Should().Throw<ExternalException>().Which.Message.Should().NotContain("mat1");
    }

    [Fact]
    public void Errors_on_different_threads_keep_their_own_messages()
    {
        var messages = new string[2][];
        var threads = Enumerable.Range(0, 2).Select(k => new Thread(() =>
        {
            messages[k] = Enumerable.Range(0, 50).Select(_ =>
            {
                using var scope = NewDisposeScope();
                try
                {
                    var result = k == 0 ? zeros([2, 3]).mm(zeros([4, 5])) : zeros([2]).select(0, 9);
                    return $"no error: {result}";
                }
                catch (ExternalException e)
                {
                    return e.Message;
                }
            }).ToArray();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        messages[0].Should().OnlyContain(m => m.Contains("mat1 and mat2", StringComparison.Ordinal));
        messages[1].Should().OnlyContain(m => m.Contains("select(): index 9 out of range", StringComparison.Ordinal));
    }

    [Fact]
    public void Using_a_disposed_tensor_throws_InvalidOperationException()
    {
        using var scope = NewDisposeScope();
        var live = ones([2]);
        var dead = ones([2]);
        dead.Dispose();
        dead.Dispose();

        dead.IsInvalid.Should().BeTrue("disposing twice is harmless");
        dead.Invoking(t => t.shape).Should().Throw<InvalidOperationException>().WithMessage("*empty handle*");
        dead.Invoking(t => t.ToArray<float>()).Should().Throw<InvalidOperationException>();
        dead.Invoking(t => t.exp()).Should().Throw<InvalidOperationException>();
        live.Invoking(t => t + dead).Should().Throw<InvalidOperationException>();
        live.Invoking(t => cat([t, dead])).Should().Throw<InvalidOperationException>();
        live.Invoking(t => nn.functional.linear(t, ones([1, 2]), dead.reshape(1))).Should().Throw<InvalidOperationException>();
        live.Invoking(t => nn.functional.linear(t, ones([1, 2]), dead)).Should().Throw<InvalidOperationException>("an optional argument is checked too");
    }

    [Fact]
    public void Moving_to_cuda_works_where_cuda_is_available_and_is_refused_elsewhere()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1f, 2 });
        var act = () => x.to(new Device(DeviceType.CUDA, 0));
        if (TorchRuntime.CudaIsAvailable)
        {
            var moved = act();
            moved.device_type.Should().Be(DeviceType.CUDA);
            moved.to(CPU).ToArray<float>().Should().Equal(1, 2);
        }
        else
        {
            act.Should().Throw<InvalidOperationException>("TorchSharp checks that the CUDA backend loaded before it calls libtorch")
                .WithMessage("*CUDA did not initialise*");
        }
    }

    [Fact]
    public void Bytes_round_trip_and_more_bytes_than_the_shape_holds_are_rejected()
    {
        using var scope = NewDisposeScope();
        var original = tensor(new[] { 1.5f, -2 });
        var bytes = original.ToBytes();
        bytes.Should().HaveCount(8, "two float32 values take 8 bytes");
        TensorHost.FromBytes(bytes, ScalarType.Float32, [2]).ToArray<float>().Should().Equal([1.5f, -2], "the bytes are the values");
        var act = () => TensorHost.FromBytes(new byte[12], ScalarType.Float32, [2]);
        act.Should().Throw<ArgumentException>("12 bytes do not fit Float32[2]");
    }
}
