using LaVae.Models;
using LaVae.Training;
using LaVae.Benchmarks;

namespace LaVae.Tests.Unit.Benchmarks;

/// <summary>The benchmarks run at tiny sizes and report what they say they report (timing itself is not tested).</summary>
public class BenchmarkTests
{
    [Fact]
    public void The_step_benchmark_reports_phases_and_the_managed_side_of_a_step()
    {
        var result = StepBenchmark.Run(CPU, new ModelShape(Filters: 4), batchSize: 8, steps: 3, warmup: 1);

        result.Steps.Should().Be(3);
        result.ImagesPerSecond.Should().BePositive();
        new[] { result.DataMs, result.ForwardMs, result.BackwardMs, result.OptimizerMs }.Should().OnlyContain(ms => ms >= 0);
        result.StepMs.Should().BeApproximately(result.DataMs + result.ForwardMs + result.BackwardMs + result.OptimizerMs, 1e-9);
        result.TensorsPerStep.Should().BeGreaterThan(10, "a step creates the batch, the activations, the loss and the optimizer's temporaries");
        result.AllocatedBytesPerStep.Should().BePositive();
    }

    [Fact]
    public void The_layer_benchmark_times_every_convolution_in_each_of_its_forms()
    {
        var timings = LayerBenchmark.Run(CPU, filters: 4, batchSize: 2, repeats: 1, warmup: 0);

        timings.Select(t => (t.Layer, t.Implementation)).Should().Equal(
            ("conv 1->4", "libtorch"), ("conv 1->4", "column"),
            ("relu, conv 4->8", "libtorch"), ("relu, conv 4->8", "column"),
            ("convT 8->4", "libtorch"), ("convT 8->4", "bias apart"), ("convT 8->4", "column"),
            ("relu, convT 4->1", "libtorch"), ("relu, convT 4->1", "column"));
        timings.Should().OnlyContain(t => t.ForwardMs >= 0 && t.BackwardMs >= 0);
    }
}
