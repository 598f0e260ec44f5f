using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;
using LaVae.Torch.Optimizers;
using LaVae.Torch.Serialization;

namespace LaVae.Tests.Unit.Torch;

public class OptimizerTests
{
    private static readonly double[] Start = [0.5, -1.0, 2.0];

    private static readonly double[][] Gradients =
    [
        [0.3, -0.2, 1.5],
        [-0.1, -0.4, 1.0],
        [0.2, 0.05, -2.0],
    ];

    /// <summary>torch.optim.Adam's update, step by step in doubles; returns the parameter and both moments.</summary>
    private static (double[] P, double[] M, double[] V) HandAdam(int steps, double lr, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        var (p, m, v) = ((double[])Start.Clone(), new double[3], new double[3]);
        for (var t = 1; t <= steps; t++)
        {
            for (var i = 0; i < 3; i++)
            {
                var g = Gradients[t - 1][i];
                m[i] = (beta1 * m[i]) + ((1 - beta1) * g);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * g * g);
                var denominator = (Math.Sqrt(v[i]) / Math.Sqrt(1 - Math.Pow(beta2, t))) + eps;
                p[i] -= lr / (1 - Math.Pow(beta1, t)) * m[i] / denominator;
            }
        }

        return (p, m, v);
    }

    /// <summary>
    /// adabelief_pytorch 0.2's update in doubles. With <paramref name="epsilonInState"/> ε is added
    /// into the stored s every step, as that library does; without, it is the paper's formula.
    /// </summary>
    private static (double[] P, double[] M, double[] S) HandAdaBelief(int steps, double lr, double eps, bool epsilonInState = true, double beta1 = 0.9, double beta2 = 0.999)
    {
        var (p, m, s) = ((double[])Start.Clone(), new double[3], new double[3]);
        for (var t = 1; t <= steps; t++)
        {
            for (var i = 0; i < 3; i++)
            {
                var g = Gradients[t - 1][i];
                m[i] = (beta1 * m[i]) + ((1 - beta1) * g);
                s[i] = (beta2 * s[i]) + ((1 - beta2) * (g - m[i]) * (g - m[i]));
                var stored = s[i] + eps;
                if (epsilonInState)
                {
                    s[i] = stored;
                }

                var denominator = (Math.Sqrt(stored) / Math.Sqrt(1 - Math.Pow(beta2, t))) + eps;
                p[i] -= lr / (1 - Math.Pow(beta1, t)) * m[i] / denominator;
            }
        }

        return (p, m, s);
    }

    [Fact]
    public void Adam_three_steps_match_the_update_formula()
    {
        using var scope = NewDisposeScope();
        var p = Parameter();
        using var adam = new Adam([p], learningRate: 0.1);
        Run(adam, p, 0, 3);

        var (hp, hm, hv) = HandAdam(3, lr: 0.1);
        p.ShouldBeClose(hp, 1e-13, "Adam parameter after 3 steps");
        adam.StepCount.Should().Be(3);
        var state = adam.StateDict();
        state["0.exp_avg"].ShouldBeClose(hm, 1e-15, "exp_avg");
        state["0.exp_avg_sq"].ShouldBeClose(hv, 1e-15, "exp_avg_sq");
        state["step"].ToDouble().Should().Be(3);
        HandAdam(2, lr: 0.1).P.Should().NotEqual(hp, "the check must see the third step");
    }

    [Fact]
    public void AdaBelief_three_steps_match_adabelief_pytorch_which_adds_epsilon_into_the_state()
    {
        using var scope = NewDisposeScope();
        var p = Parameter();
        using var adaBelief = new AdaBelief([p], learningRate: 0.1, epsilon: 1e-3);
        Run(adaBelief, p, 0, 3);

        var (hp, hm, hs) = HandAdaBelief(3, lr: 0.1, eps: 1e-3);
        p.ShouldBeClose(hp, 1e-13, "AdaBelief parameter after 3 steps");
        var state = adaBelief.StateDict();
        state["0.exp_avg"].ShouldBeClose(hm, 1e-15, "exp_avg");
        state["0.exp_avg_var"].ShouldBeClose(hs, 1e-15, "exp_avg_var holds ε added at every step");

        var withoutStateEpsilon = HandAdaBelief(3, lr: 0.1, eps: 1e-3, epsilonInState: false).P;
        withoutStateEpsilon.Zip(hp, (a, b) => Math.Abs(a - b)).Max().Should().BeGreaterThan(1e-4,
            "this test can tell the library's ε-in-state from the paper's formula");
    }

    [Fact]
    public void AdaBelief_defaults_follow_the_papers_code_settings()
    {
        using var scope = NewDisposeScope();
        var p = Parameter();
        using var adaBelief = new AdaBelief([p]);
        (adaBelief.LearningRate, adaBelief.Beta1, adaBelief.Beta2, adaBelief.Epsilon).Should().Be((1e-3, 0.9, 0.999, 1e-16));
        Run(adaBelief, p, 0, 3);
        p.ShouldBeClose(HandAdaBelief(3, lr: 1e-3, eps: 1e-16).P, 1e-13, "AdaBelief with default settings");
    }

    [Fact]
    public void A_parameter_without_a_gradient_is_left_alone()
    {
        using var scope = NewDisposeScope();
        var (used, unused) = (Parameter(), Parameter());
        using var adam = new Adam([used, unused], learningRate: 0.1);
        Run(adam, used, 0, 1);
        unused.ToArray<double>().Should().Equal(Start);
        used.ToArray<double>().Should().NotEqual(Start);
        adam.StateDict().Keys.Should().BeEquivalentTo("step", "0.exp_avg", "0.exp_avg_sq", "1.exp_avg", "1.exp_avg_sq");
        adam.StateDict()["1.exp_avg"].ToArray<double>().Should().Equal(0, 0, 0);
    }

    [Fact]
    public void ZeroGrad_clears_every_parameter_gradient()
    {
        using var scope = NewDisposeScope();
        var p = Parameter();
        using var adam = new Adam([p]);
        (p * 2).sum().backward();
        p.grad.Should().NotBeNull();
        adam.ZeroGrad();
        p.grad.Should().BeNull();
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("adabelief")]
    public void A_state_dict_saved_and_loaded_continues_the_same_trajectory(string name)
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(Path.GetTempPath(), $"lavae-optimizer-{Guid.NewGuid():N}.safetensors");
        try
        {
            var uninterrupted = Parameter();
            using var first = Create(name, uninterrupted);
            Run(first, uninterrupted, 0, 2);
            var saved = first.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
            saved["param"] = uninterrupted;
            SafeTensors.Save(path, saved);
            Run(first, uninterrupted, 2, 3);

            var loaded = SafeTensors.Load(path).Tensors;
            var resumed = Parameter();
            using (no_grad())
            {
                resumed.copy_(loaded["param"]);
            }

            using var second = Create(name, resumed);
            second.LoadStateDict(loaded);
            second.StepCount.Should().Be(2);
            Run(second, resumed, 2, 3);

            second.StepCount.Should().Be(3);
            resumed.ToArray<double>().Should().Equal(uninterrupted.ToArray<double>(), "a resumed run must be bit-identical");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Loading_a_state_without_a_moment_names_it()
    {
        using var scope = NewDisposeScope();
        var p = Parameter();
        using var adam = new Adam([p]);
        var state = adam.StateDict().Where(kv => kv.Key != "0.exp_avg_sq").ToDictionary(kv => kv.Key, kv => kv.Value);
        var act = () => adam.LoadStateDict(state);
        act.Should().Throw<InvalidDataException>().WithMessage("*0.exp_avg_sq*");
    }

    private static Tensor Parameter() => TestData.Tensor(Start, [3]).requires_grad_();

    private static Optimizer Create(string name, Tensor parameter) => name == "adam"
        ? new Adam([parameter], learningRate: 0.1)
        : new AdaBelief([parameter], learningRate: 0.1, epsilon: 1e-3);

    // Steps from..to−1 with the fixed gradients: L = Σ p·g has ∂L/∂p = g exactly.
    private static void Run(Optimizer optimizer, Tensor parameter, int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            using var step = NewDisposeScope();
            optimizer.ZeroGrad();
            (parameter * TestData.Tensor(Gradients[t], [3])).sum().backward();
            optimizer.Step();
        }
    }
}
