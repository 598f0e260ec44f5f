using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;
using LaVae.Torch.Modules;

namespace LaVae.Tests.Unit.Torch;

public class ModuleTests
{
    [Fact]
    public void Named_parameters_and_buffers_use_dotted_paths_in_registration_order()
    {
        using var net = new Net();
        net.NamedParameters().Select(p => p.Name).Should().Equal(
            "scale", "head.weight", "head.bias", "block.conv.weight", "block.conv.bias", "block.deconv.weight", "block.deconv.bias");
        net.NamedBuffers().Select(b => b.Name).Should().Equal("block.running");
        net.StateDict().Keys.Should().Equal(net.NamedParameters().Select(p => p.Name).Append("block.running"));
        net.Parameters().Should().HaveCount(7).And.OnlyContain(p => p.RequiresGrad);
        net.NamedBuffers().Single().Tensor.RequiresGrad.Should().BeFalse();
    }

    [Fact]
    public void RequiresGrad_switches_every_parameter()
    {
        using var net = new Net();
        net.RequiresGrad(false);
        net.Parameters().Should().OnlyContain(p => !p.RequiresGrad);
        net.RequiresGrad(true);
        net.Parameters().Should().OnlyContain(p => p.RequiresGrad);
    }

    [Fact]
    public void LoadStateDict_copies_every_tensor_into_place()
    {
        using var source = new Net(seed: 1);
        using var target = new Net(seed: 2);
        var before = target.Parameters()[1];
        target.StateDict()["head.weight"].ToArray<float>().Should().NotEqual(source.StateDict()["head.weight"].ToArray<float>());

        target.LoadStateDict(source.StateDict());
        foreach (var (name, tensor) in source.StateDict())
        {
            target.StateDict()[name].ToArray<float>().Should().Equal(tensor.ToArray<float>(), "'{0}' is loaded", name);
        }

        target.Parameters()[1].Should().BeSameAs(before, "loading copies values into the existing tensors");
        target.Parameters().Should().OnlyContain(p => p.RequiresGrad);
    }

    [Fact]
    public void LoadStateDict_lists_every_mismatch_and_loads_nothing()
    {
        using var scope = Engine.NewDisposeScope();
        using var source = new Net(seed: 1);
        using var target = new Net(seed: 2);
        var state = source.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
        state["head.weight"] = Tensor.Zeros([4, 3]);
        state["head.bias"] = Tensor.Zeros([3], DType.Float64);
        state.Remove("block.conv.bias");
        state["block.extra"] = Tensor.Zeros([1]);
        var untouched = target.StateDict()["block.deconv.weight"].ToArray<float>();

        var act = () => target.LoadStateDict(state);
        act.Should().Throw<InvalidDataException>()
            .WithMessage("*Net*")
            .WithMessage("*'head.weight': expected Float32[3,4], found Float32[4,3]*")
            .WithMessage("*'head.bias': expected Float32[3], found Float64[3]*")
            .WithMessage("*missing 'block.conv.bias'*")
            .WithMessage("*unexpected 'block.extra'*");
        target.StateDict()["block.deconv.weight"].ToArray<float>().Should().Equal(untouched);
    }

    [Fact]
    public void Layers_forward_through_their_functional_op_with_their_own_weights()
    {
        using var scope = Engine.NewDisposeScope();
        using var generator = new Generator(7);
        using var linear = new Linear(5, 3, generator);
        using var conv = new Conv2d(2, 3, 3, stride: 2, padding: 1, generator: generator);
        using var deconv = new ConvTranspose2d(2, 3, 4, stride: 2, padding: 1, generator: generator);
        var x = Tensor.Randn([2, 5], generator);
        var image = Tensor.Randn([1, 2, 6, 6], generator);

        linear.Forward(x).ShouldBeClose(Approx.Values(Functional.Linear(x, linear.Weight, linear.Bias)), 0, "Linear.Forward");
        var convolved = conv.Forward(image);
        convolved.Shape.Should().Equal(1, 3, 3, 3);
        convolved.ShouldBeClose(Approx.Values(Functional.Conv2d(image, conv.Weight, conv.Bias, 2, 1)), 0, "Conv2d.Forward");
        var upsampled = deconv.Forward(image);
        upsampled.Shape.Should().Equal(1, 3, 12, 12);
        upsampled.ShouldBeClose(Approx.Values(Functional.ConvTranspose2d(image, deconv.Weight, deconv.Bias, 2, 1)), 0, "ConvTranspose2d.Forward");
    }

    [Fact]
    public void To_the_cpu_keeps_the_parameter_identities_and_values()
    {
        using var net = new Net();
        var before = net.Parameters().ToList();
        var values = before.Select(p => p.ToArray<float>()).ToList();
        net.To(Device.Cpu);
        net.Parameters().Should().Equal(before);
        net.Parameters().Select(p => p.ToArray<float>()).Should().BeEquivalentTo(values, o => o.WithStrictOrdering());
        net.Parameters().Should().OnlyContain(p => p.RequiresGrad && p.Device == Device.Cpu);
    }

    [Fact]
    public void Dispose_frees_the_parameters_of_every_child()
    {
        var net = new Net();
        var tensors = net.StateDict().Values.ToList();
        net.Dispose();
        tensors.Should().OnlyContain(t => t.IsDisposed);
    }

    private sealed class Block : Module
    {
        public Block(Generator generator)
        {
            RegisterModule("conv", new Conv2d(2, 3, 3, generator: generator));
            RegisterModule("deconv", new ConvTranspose2d(3, 2, 4, generator: generator));
            RegisterBuffer("running", Tensor.Zeros([3]));
        }
    }

    private sealed class Net : Module
    {
        public Net(ulong seed = 0)
        {
            using var generator = new Generator(seed);
            RegisterParameter("scale", Tensor.Ones([1]));
            RegisterModule("head", new Linear(4, 3, generator));
            RegisterModule("block", new Block(generator));
        }
    }
}
