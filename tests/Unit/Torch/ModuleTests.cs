using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class ModuleTests
{
    [Fact]
    public void Named_parameters_and_buffers_use_dotted_paths_in_registration_order()
    {
        using var net = new Net();
        net.named_parameters().Select(p => p.name).Should().Equal(
            "scale", "head.weight", "head.bias", "block.conv.weight", "block.conv.bias", "block.deconv.weight", "block.deconv.bias");
        net.NamedBuffers().Select(b => b.Name).Should().Equal("block.running");
        net.state_dict().Keys.Should().Equal(net.named_parameters().Select(p => p.name).Append("block.running"));
        net.parameters().Should().HaveCount(7).And.OnlyContain(p => p.requires_grad);
        net.NamedBuffers().Single().Tensor.RequiresGrad.Should().BeFalse();
    }

    [Fact]
    public void RequiresGrad_switches_every_parameter()
    {
        using var net = new Net();
        net.RequiresGrad(false);
        net.parameters().Should().OnlyContain(p => !p.requires_grad);
        net.RequiresGrad(true);
        net.parameters().Should().OnlyContain(p => p.requires_grad);
    }

    [Fact]
    public void LoadStateDict_copies_every_tensor_into_place()
    {
        using var source = new Net(seed: 1);
        using var target = new Net(seed: 2);
        var before = target.parameters()[1];
        target.state_dict()["head.weight"].ToArray<float>().Should().NotEqual(source.state_dict()["head.weight"].ToArray<float>());

        target.LoadStateDict(source.state_dict());
        foreach (var (name, tensor) in source.state_dict())
        {
            target.state_dict()[name].ToArray<float>().Should().Equal(tensor.ToArray<float>(), "'{0}' is loaded", name);
        }

        target.parameters()[1].Should().BeSameAs(before, "loading copies values into the existing tensors");
        target.parameters().Should().OnlyContain(p => p.requires_grad);
    }

    [Fact]
    public void LoadStateDict_lists_every_mismatch_and_loads_nothing()
    {
        using var scope = NewDisposeScope();
        using var source = new Net(seed: 1);
        using var target = new Net(seed: 2);
        var state = source.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value);
        state["head.weight"] = zeros([4, 3]);
        state["head.bias"] = zeros([3], ScalarType.Float64);
        state.Remove("block.conv.bias");
        state["block.extra"] = zeros([1]);
        var untouched = target.state_dict()["block.deconv.weight"].ToArray<float>();

        var act = () => target.LoadStateDict(state);
        act.Should().Throw<InvalidDataException>()
            .WithMessage("*Net*")
            .WithMessage("*'head.weight': expected Float32[3,4], found Float32[4,3]*")
            .WithMessage("*'head.bias': expected Float32[3], found Float64[3]*")
            .WithMessage("*missing 'block.conv.bias'*")
            .WithMessage("*unexpected 'block.extra'*");
        target.state_dict()["block.deconv.weight"].ToArray<float>().Should().Equal(untouched);
    }

    [Fact]
    public void Layers_forward_through_their_functional_op_with_their_own_weights()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        using var linear = new Linear(5, 3, generator);
        using var conv = new Conv2d(2, 3, 3, stride: 2, padding: 1, generator: generator);
        using var deconv = new ConvTranspose2d(2, 3, 4, stride: 2, padding: 1, generator: generator);
        var x = randn([2, 5], generator: generator);
        var image = randn([1, 2, 6, 6], generator: generator);

        linear.Forward(x).ShouldBeClose(Approx.Values(nn.functional.linear(x, linear.Weight, linear.Bias)), 0, "Linear.Forward");
        var convolved = conv.Forward(image);
        convolved.Shape.Should().Equal(1, 3, 3, 3);
        convolved.ShouldBeClose(Approx.Values(nn.functional.conv2d(image, conv.Weight, conv.Bias, strides: [2, 2], padding: [1, 1])), 0, "Conv2d.Forward");
        var upsampled = deconv.Forward(image);
        upsampled.Shape.Should().Equal(1, 3, 12, 12);
        upsampled.ShouldBeClose(Approx.Values(nn.functional.conv_transpose2d(image, deconv.Weight, deconv.Bias, strides: [2, 2], padding: [1, 1])), 0, "ConvTranspose2d.Forward");
    }

    [Fact]
    public void To_the_cpu_keeps_the_parameter_identities_and_values()
    {
        using var net = new Net();
        var before = net.parameters().ToList();
        var values = before.Select(p => p.ToArray<float>()).ToList();
        net.to(CPU);
        net.parameters().Should().Equal(before);
        net.parameters().Select(p => p.ToArray<float>()).Should().BeEquivalentTo(values, o => o.WithStrictOrdering());
        net.parameters().Should().OnlyContain(p => p.requires_grad && p.device == CPU);
    }

    [Fact]
    public void Dispose_frees_the_parameters_of_every_child()
    {
        var net = new Net();
        var tensors = net.state_dict().Values.ToList();
        net.Dispose();
        tensors.Should().OnlyContain(t => t.IsInvalid);
    }

    private sealed class Block : nn.Module
    {
        public Block(Generator generator)
        {
            RegisterModule("conv", new Conv2d(2, 3, 3, generator: generator));
            RegisterModule("deconv", new ConvTranspose2d(3, 2, 4, generator: generator));
            RegisterBuffer("running", zeros([3]));
        }
    }

    private sealed class Net : nn.Module
    {
        public Net(ulong seed = 0)
        {
            using var generator = new Generator(seed);
            RegisterParameter("scale", ones([1]));
            RegisterModule("head", new Linear(4, 3, generator));
            RegisterModule("block", new Block(generator));
        }
    }
}
