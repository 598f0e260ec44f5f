using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class ErrorTests
{
    [Fact]
    public void A_conv2d_channel_mismatch_is_a_TorchException_with_libtorchs_message()
    {
        using var scope = Engine.NewDisposeScope();
        var act = () => Functional.Conv2d(Tensor.Zeros([1, 3, 8, 8]), Tensor.Zeros([4, 2, 3, 3]));
        act.Should().Throw<TorchException>().WithMessage("*expected input[1, 3, 8, 8] to have 2 channels, but got 3 channels instead*");
    }

    [Fact]
    public void A_matmul_shape_mismatch_is_a_TorchException_with_libtorchs_message()
    {
        using var scope = Engine.NewDisposeScope();
        var act = () => Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([4, 5]));
        act.Should().Throw<TorchException>().WithMessage("*mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)*");
    }

    [Fact]
    public void Messages_carry_no_cpp_backtrace()
    {
        using var scope = Engine.NewDisposeScope();
        var act = () => Tensor.Zeros([3]) + Tensor.Zeros([4]);
        act.Should().Throw<TorchException>()
            .WithMessage("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0")
            .Which.Message.Should().NotContain("Exception raised from");
    }

    [Fact]
    public void Other_libtorch_failures_are_TorchExceptions_too()
    {
        using var scope = Engine.NewDisposeScope();
        var x = Tensor.Zeros([2, 3]);
        x.Invoking(t => t.Select(0, 5)).Should().Throw<TorchException>().WithMessage("*select(): index 5 out of range*");
        x.Invoking(t => t.Reshape(4, 2)).Should().Throw<TorchException>().WithMessage("*shape '[4, 2]' is invalid for input of size 6*");
        x.WithRequiresGrad().Invoking(t => (t * 2).Backward()).Should().Throw<TorchException>().WithMessage("*only for scalar outputs*");
        var singular = Tensor.Zeros([2, 2], DType.Float64);
        singular.Invoking(Linalg.Inverse).Should().Throw<TorchException>().WithMessage("*singular*");
        var act = () => Functional.BinaryCrossEntropy(Tensor.Full([2], 2), Tensor.Zeros([2]));
        act.Should().Throw<TorchException>().WithMessage("*between 0 and 1*");
    }

    [Fact]
    public void An_error_is_cleared_so_the_next_failure_reports_only_its_own_message()
    {
        using var scope = Engine.NewDisposeScope();
        var first = () => Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([4, 5]));
        first.Should().Throw<TorchException>();
        (Tensor.Ones([2]) + 1).ToArray<float>().Should().Equal(2, 2);
        var second = () => Tensor.Zeros([2]).Select(0, 7);
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
                using var scope = Engine.NewDisposeScope();
                try
                {
                    var result = k == 0 ? Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([4, 5])) : Tensor.Zeros([2]).Select(0, 9);
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
        using var scope = Engine.NewDisposeScope();
        var live = Tensor.Ones([2]);
        var dead = Tensor.Ones([2]);
        dead.Dispose();
        dead.Dispose();

        dead.IsDisposed.Should().BeTrue();
        dead.ToString().Should().Be("Tensor(disposed)");
        dead.Invoking(t => t.Shape).Should().Throw<ObjectDisposedException>().WithMessage("*disposed*");
        dead.Invoking(t => t.ToArray<float>()).Should().Throw<ObjectDisposedException>();
        dead.Invoking(t => t.Exp()).Should().Throw<ObjectDisposedException>();
        live.Invoking(t => t + dead).Should().Throw<ObjectDisposedException>();
        live.Invoking(t => Tensor.Cat([t, dead])).Should().Throw<ObjectDisposedException>();
        live.Invoking(t => Functional.Linear(t, Tensor.Ones([1, 2]), dead.Reshape(1))).Should().Throw<ObjectDisposedException>();
        live.Invoking(t => Functional.Linear(t, Tensor.Ones([1, 2]), dead)).Should().Throw<ObjectDisposedException>("an optional argument is checked too");
    }

    [Fact]
    public void Using_a_disposed_generator_throws_ObjectDisposedException()
    {
        using var scope = Engine.NewDisposeScope();
        var generator = new Generator(1);
        generator.Dispose();
        var act = () => Tensor.Rand([2], generator);
        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Moving_to_cuda_works_where_cuda_is_available_and_is_a_TorchException_elsewhere()
    {
        using var scope = Engine.NewDisposeScope();
        var x = Tensor.From(new[] { 1f, 2 });
        var act = () => x.To(Device.Cuda());
        if (Engine.CudaIsAvailable)
        {
            var moved = act();
            moved.Device.Should().Be(Device.Cuda());
            moved.To(Device.Cpu).ToArray<float>().Should().Equal(1, 2);
        }
        else
        {
            act.Should().Throw<TorchException>();
        }
    }

    [Fact]
    public void A_tensor_from_too_few_bytes_is_rejected_before_libtorch_sees_it()
    {
        var act = () => Tensor.FromBytes(new byte[6], DType.Float32, [2]);
        act.Should().Throw<ArgumentException>().WithMessage("*6 bytes cannot fill Float32[2] (8 bytes)*");
        Approx.Values(Tensor.FromBytes(new byte[8], DType.Float32, [2])).Should().Equal(0, 0);
    }
}
