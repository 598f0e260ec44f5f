using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;
using TorchSharp.Modules;

namespace LaVae.Tests.Unit.Torch;

public class ModuleTests
{
    [Fact]
    public void Named_parameters_and_buffers_use_dotted_paths_in_registration_order()
    {
        using var net = new Net();
        net.named_parameters().Select(p => p.name).Should().Equal(
            "scale", "head.weight", "head.bias", "block.conv.weight", "block.conv.bias", "block.deconv.weight", "block.deconv.bias");
        net.named_buffers().Select(b => b.name).Should().Equal(["block.running"], "a buffer is named by its path too");
        net.state_dict().Keys.Should().Equal(net.named_parameters().Select(p => p.name).Append("block.running"), "the state holds parameters, then buffers");
        net.parameters().Should().HaveCount(7).And.OnlyContain(p => p.requires_grad, "parameters train by default");
        net.named_buffers().Single().buffer.requires_grad.Should().BeFalse("buffers do not train");
    }

    [Fact]
    public void RequiresGrad_switches_every_parameter()
    {
        using var net = new Net();
        net.RequiresGrad(false);
        net.parameters().Should().OnlyContain(p => !p.requires_grad, "RequiresGrad(false) freezes the whole module");
        net.RequiresGrad(true);
        net.parameters().Should().OnlyContain(p => p.requires_grad, "RequiresGrad(true) unfreezes it");
    }

    [Fact]
    public void LoadExactly_copies_every_tensor_into_place()
    {
        using var source = new Net(seed: 1);
        using var target = new Net(seed: 2);
        var before = target.parameters().ElementAt(1);
        target.state_dict()["head.weight"].ToArray<float>().Should().NotEqual(source.state_dict()["head.weight"].ToArray<float>());

        target.LoadExactly(source.state_dict());
        foreach (var (name, tensor) in source.state_dict())
        {
            target.state_dict()[name].ToArray<float>().Should().Equal(tensor.ToArray<float>(), "'{0}' is loaded", name);
        }

        target.parameters().ElementAt(1).Should().BeSameAs(before, "loading copies values into the existing tensors");
        target.parameters().Should().OnlyContain(p => p.requires_grad, "loading keeps the parameters trainable");
    }

    [Fact]
    public void LoadExactly_lists_every_mismatch_and_loads_nothing()
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

        var act = () => target.LoadExactly(state);
        act.Should().Throw<InvalidDataException>()
            .WithMessage("*Net*")
            .WithMessage("*'head.weight': expected Float32[3,4], found Float32[4,3]*")
            .WithMessage("*'head.bias': expected Float32[3], found Float64[3]*")
            .WithMessage("*missing 'block.conv.bias'*")
            .WithMessage("*unexpected 'block.extra'*");
        target.state_dict()["block.deconv.weight"].ToArray<float>().Should().Equal(untouched, "nothing is copied when anything differs");
        target.state_dict()["scale"].ToArray<float>().Should().Equal([1f], "not even the entries that fit");
    }

    [Fact]
    public void Layers_forward_through_their_functional_op_with_their_own_weights()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        using var linear = Layers.Linear(5, 3, generator, CPU);
        using var conv = Layers.Conv2d(2, 3, 3, stride: 2, padding: 1, generator, CPU);
        using var deconv = Layers.ConvTranspose2d(2, 3, 4, stride: 2, padding: 1, generator, CPU);
        var x = randn([2, 5], generator: generator);
        var image = randn([1, 2, 6, 6], generator: generator);

        linear.forward(x).ShouldBeClose(Approx.Values(nn.functional.linear(x, linear.weight!, linear.bias)), 0, "Linear.forward");
        var convolved = conv.forward(image);
        convolved.shape.Should().Equal([1L, 3, 3, 3], "stride 2 with padding 1 halves 6x6 to 3x3");
        convolved.ShouldBeClose(Approx.Values(nn.functional.conv2d(image, conv.weight!, conv.bias, strides: [2, 2], padding: [1, 1])), 0, "Conv2d.forward");
        var upsampled = deconv.forward(image);
        upsampled.shape.Should().Equal([1L, 3, 12, 12], "k4 s2 p1 doubles 6x6 to 12x12");
        upsampled.ShouldBeClose(Approx.Values(nn.functional.conv_transpose2d(image, deconv.weight!, deconv.bias, strides: [2, 2], padding: [1, 1])), 0, "ConvTranspose2d.forward");
    }

    [Fact]
    public void To_the_cpu_keeps_the_parameter_identities_and_values()
    {
        using var net = new Net();
        var before = net.parameters().ToList();
        var values = before.Select(p => p.ToArray<float>()).ToList();
        net.to(CPU);
        net.parameters().Should().Equal(before, "moving to the device a module is on keeps its parameters");
        net.parameters().Select(p => p.ToArray<float>()).Should().BeEquivalentTo(values, o => o.WithStrictOrdering());
        net.parameters().Should().OnlyContain(p => p.requires_grad && p.device_type == DeviceType.CPU, "they stay trainable on the cpu");
    }

    [Fact]
    public void Dispose_frees_the_parameters_of_every_child()
    {
        var net = new Net();
        var tensors = net.state_dict().Values.ToList();
        net.Dispose();
        tensors.Should().OnlyContain(t => t.IsInvalid, "a module owns its children's parameters and buffers");
    }

    private sealed class Block : nn.Module
    {
        public Block(Generator generator)
            : base(nameof(Block))
        {
            register_module("conv", Layers.Conv2d(2, 3, 3, stride: 1, padding: 0, generator, CPU));
            register_module("deconv", Layers.ConvTranspose2d(3, 2, 4, stride: 1, padding: 0, generator, CPU));
            register_buffer("running", zeros([3]));
        }
    }

    private sealed class Net : nn.Module
    {
        public Net(ulong seed = 0)
            : base(nameof(Net))
        {
            using var generator = new Generator(seed);
            register_parameter("scale", new Parameter(ones([1])));
            register_module("head", Layers.Linear(4, 3, generator, CPU));
            register_module("block", new Block(generator));
        }
    }
}
