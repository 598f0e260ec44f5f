using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class ErrorTests
{
    [Fact]
    public void A_conv2d_channel_mismatch_is_a_TorchException_with_libtorchs_message()
    {
        using var scope = NewDisposeScope();
        var act = () => nn.functional.conv2d(zeros([1, 3, 8, 8]), zeros([4, 2, 3, 3]), null);
        act.Should().Throw<TorchException>().WithMessage("*expected input[1, 3, 8, 8] to have 2 channels, but got 3 channels instead*");
    }

    [Fact]
    public void A_matmul_shape_mismatch_is_a_TorchException_with_libtorchs_message()
    {
        using var scope = NewDisposeScope();
        var act = () => zeros([2, 3]).matmul(zeros([4, 5]));
        act.Should().Throw<TorchException>().WithMessage("*mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)*");
    }

    [Fact]
    public void Messages_carry_no_cpp_backtrace()
    {
        using var scope = NewDisposeScope();
        var act = () => zeros([3]) + zeros([4]);
        act.Should().Throw<TorchException>()
            .WithMessage("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0")
            .Which.Message.Should().NotContain("Exception raised from");
    }

    [Fact]
    public void Other_libtorch_failures_are_TorchExceptions_too()
    {
        using var scope = NewDisposeScope();
        var x = zeros([2, 3]);
        x.Invoking(t => t.select(0, 5)).Should().Throw<TorchException>().WithMessage("*select(): index 5 out of range*");
        x.Invoking(t => t.reshape(4, 2)).Should().Throw<TorchException>().WithMessage("*shape '[4, 2]' is invalid for input of size 6*");
        x.requires_grad_().Invoking(t => (t * 2).backward()).Should().Throw<TorchException>().WithMessage("*only for scalar outputs*");
        var singular = zeros([2, 2], ScalarType.Float64);
        singular.Invoking(Linalg.Inverse).Should().Throw<TorchException>().WithMessage("*singular*");
        var act = () => nn.functional.binary_cross_entropy(full([2], 2), zeros([2]));
        act.Should().Throw<TorchException>().WithMessage("*between 0 and 1*");
    }

    [Fact]
    public void An_error_is_cleared_so_the_next_failure_reports_only_its_own_message()
    {
        using var scope = NewDisposeScope();
        var first = () => zeros([2, 3]).matmul(zeros([4, 5]));
        first.Should().Throw<TorchException>();
        (ones([2]) + 1).ToArray<float>().Should().Equal(2, 2);
        var second = () => zeros([2]).select(0, 7);
        second.Should().Throw<TorchException>().Which.Message.Should().NotContain("mat1");
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
                    var result = k == 0 ? zeros([2, 3]).matmul(zeros([4, 5])) : zeros([2]).select(0, 9);
                    return $"no error: {result}";
                }
                catch (TorchException e)
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
    public void Using_a_disposed_tensor_throws_ObjectDisposedException()
    {
        using var scope = NewDisposeScope();
        var live = ones([2]);
        var dead = ones([2]);
        dead.Dispose();
        dead.Dispose();

        dead.IsInvalid.Should().BeTrue();
        dead.ToString().Should().Be("Tensor(disposed)");
        dead.Invoking(t => t.shape).Should().Throw<ObjectDisposedException>().WithMessage("*disposed*");
        dead.Invoking(t => t.ToArray<float>()).Should().Throw<ObjectDisposedException>();
        dead.Invoking(t => t.exp()).Should().Throw<ObjectDisposedException>();
        live.Invoking(t => t + dead).Should().Throw<ObjectDisposedException>();
        live.Invoking(t => cat([t, dead])).Should().Throw<ObjectDisposedException>();
        live.Invoking(t => nn.functional.linear(t, ones([1, 2]), dead.reshape(1))).Should().Throw<ObjectDisposedException>();
        live.Invoking(t => nn.functional.linear(t, ones([1, 2]), dead)).Should().Throw<ObjectDisposedException>("an optional argument is checked too");
    }

    [Fact]
    public void Using_a_disposed_generator_throws_ObjectDisposedException()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(1);
        generator.Dispose();
        var act = () => rand([2], generator: generator);
        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Moving_to_cuda_works_where_cuda_is_available_and_is_a_TorchException_elsewhere()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1f, 2 });
        var act = () => x.to(Device.Cuda());
        if (TorchRuntime.CudaIsAvailable)
        {
            var moved = act();
            moved.device.Should().Be(Device.Cuda());
            moved.to(CPU).ToArray<float>().Should().Equal(1, 2);
        }
        else
        {
            act.Should().Throw<TorchException>();
        }
    }

    [Fact]
    public void A_tensor_from_too_few_bytes_is_rejected_before_libtorch_sees_it()
    {
        var act = () => Tensor.FromBytes(new byte[6], ScalarType.Float32, [2]);
        act.Should().Throw<ArgumentException>().WithMessage("*6 bytes cannot fill Float32[2] (8 bytes)*");
        Approx.Values(Tensor.FromBytes(new byte[8], ScalarType.Float32, [2])).Should().Equal(0, 0);
    }
}
