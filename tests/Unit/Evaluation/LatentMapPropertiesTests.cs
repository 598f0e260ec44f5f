using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>
/// The ablation measure's properties of a latent map, on maps whose answer is known by hand: matrices
/// that do or do not commute, permutations that are or are not involutions, and maps (linear and MLP)
/// whose range is a known coordinate subspace.
/// </summary>
public class LatentMapPropertiesTests
{
    private const int D = 16;
    private const int N = 7;

    [Fact]
    public void The_commutator_of_a_swap_and_a_diagonal_matrix_is_the_relative_norm_of_z_L1_L2_minus_z_L2_L1()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 1);
        var swap = Permutation(i => i switch { 0 => 1, 1 => 0, _ => i });
        var diagonal = Diagonal(i => i + 1);
        Set(model.Maps[0], swap);
        Set(model.Maps[1], diagonal);
        var z = Tiny.Matrix(N, D, seed: 3);

        var composed = ByHand.Times(ByHand.Values(z), D, swap, diagonal);
        var reversed = ByHand.Times(ByHand.Values(z), D, diagonal, swap);
        var expected = MeanRowNorm(composed.Zip(reversed, (a, b) => a - b).ToArray()) / MeanRowNorm(composed);

        expected.Should().BeGreaterThan(0.01, "swapping dimensions 0 and 1 does not commute with scaling them by 1 and 2");
        LatentMapProperties.Commutator(model, z).Should().BeApproximately(expected, 1e-6);
    }

    [Fact]
    public void Diagonal_maps_commute()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 2);
        Set(model.Maps[0], Diagonal(i => i - 7.5));
        Set(model.Maps[1], Diagonal(i => 1.0 / (i + 1)));

        LatentMapProperties.Commutator(model, Tiny.Matrix(N, D, seed: 4)).Should().BeLessThan(1e-7);
    }

    [Fact]
    public void A_permutation_of_swaps_is_an_involution_and_a_3_cycle_is_not()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        using var swaps = new LatentMap("flip_lr", D, generator, CPU);
        using var cycle = new LatentMap("flip_ud", D, generator, CPU);
        Set(swaps, Permutation(i => i ^ 1));
        var threeCycle = Permutation(i => i < 3 ? (i + 1) % 3 : i);
        Set(cycle, threeCycle);
        var z = Tiny.Matrix(N, D, seed: 5);
        var values = ByHand.Values(z);

        LatentMapProperties.InvolutionResidual(swaps, z).Should().Be(0, "two swaps restore every coordinate exactly");
        var twice = ByHand.Times(values, D, threeCycle, threeCycle);
        var expected = MeanRowNorm(twice.Zip(values, (a, b) => a - b).ToArray()) / MeanRowNorm(values);
        expected.Should().BeGreaterThan(0.1);
        LatentMapProperties.InvolutionResidual(cycle, z).Should().BeApproximately(expected, 1e-6);
    }

    [Fact]
    public void The_jacobian_rank_of_a_linear_map_is_the_rank_of_L()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(4);
        using var map = new LatentMap("flip_lr", D, generator, CPU);
        var z = Tiny.Matrix(N, D, seed: 6);

        LatentMapProperties.JacobianRank(map, z).Should().Be(16, "a Xavier-initialised L is invertible");
        Set(map, Diagonal(i => i < 10 ? 1 + i : 0));
        LatentMapProperties.JacobianRank(map, z).Should().Be(10);
    }

    [Fact]
    public void The_jacobian_rank_of_an_mlp_that_keeps_three_coordinates_is_3()
    {
        using var scope = NewDisposeScope();
        using var map = KeepFirstThree();
        var z = Tiny.Matrix(N, D, seed: 7);

        map.Apply(z).ShouldBeClose(Enumerable.Range(0, N * D).Select(i => i % D < 3 ? ByHand.Values(z)[i] : 0).ToArray(), 1e-5,
            "the hand-built MLP keeps z's first three coordinates and zeroes the rest");
        LatentMapProperties.JacobianRank(map, z).Should().Be(3);
        map.parameters().Should().OnlyContain(p => ReferenceEquals(p.grad, null), "measuring leaves no gradients on the map");
    }

    [Fact]
    public void An_mlp_with_random_weights_has_rank_at_most_8()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(8);
        using var map = new MlpLatentMap("flip_lr", D, generator, CPU);

        LatentMapProperties.JacobianRank(map, Tiny.Matrix(N, D, seed: 8)).Should().BeInRange(1, 8, "its narrowest layer has 8 units");
    }

    [Fact]
    public void The_inversion_residual_is_the_distance_of_the_target_from_the_range_of_the_map()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(9);
        using var scaled = new LatentMap("flip_lr", D, generator, CPU);
        using var singular = new LatentMap("flip_ud", D, generator, CPU);
        using var mlp = KeepFirstThree();
        Set(scaled, Diagonal(i => 0.5 + (0.1 * i)));
        Set(singular, Diagonal(i => i < 10 ? 2 : 0));
        var t = Tiny.Matrix(N, D, seed: 10);
        var values = ByHand.Values(t);

        double Outside(int kept) => MeanRowNorm(values.Select((v, i) => i % D < kept ? 0 : v).ToArray()) / MeanRowNorm(values);

        LatentMapProperties.InversionResidual(scaled, t).Should().BeLessThan(1e-3, "an invertible map reaches every target");
        LatentMapProperties.InversionResidual(singular, t).Should().BeApproximately(Outside(10), 1e-3, "L reaches only the first 10 coordinates");
        LatentMapProperties.InversionResidual(mlp, t).Should().BeApproximately(Outside(3), 1e-3, "the MLP reaches only the first 3");
    }

    /// <summary>An MLP 16-8-8-16 that returns z's first three coordinates and zeros (for coordinates above -10).</summary>
    private static MlpLatentMap KeepFirstThree()
    {
        using var generator = new Generator(11);
        var map = new MlpLatentMap("flip_lr", D, generator, CPU);
        double[] Pick(int rows, int columns) => Enumerable.Range(0, rows * columns).Select(i => i / columns == i % columns && i / columns < 3 ? 1.0 : 0).ToArray();
        var parameters = map.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Copy(parameters["fc1.weight"], Pick(8, D), 8, D);
        Copy(parameters["fc1.bias"], Enumerable.Range(0, 8).Select(i => i < 3 ? 10.0 : -1).ToArray(), 8);
        Copy(parameters["fc2.weight"], Pick(8, 8), 8, 8);
        Copy(parameters["fc2.bias"], new double[8], 8);
        Copy(parameters["fc3.weight"], Pick(D, 8), D, 8);
        Copy(parameters["fc3.bias"], Enumerable.Range(0, D).Select(i => i < 3 ? -10.0 : 0).ToArray(), D);
        return map;
    }

    private static double[] Permutation(Func<int, int> target) =>
        Enumerable.Range(0, D * D).Select(i => target(i / D) == i % D ? 1.0 : 0).ToArray();

    private static double[] Diagonal(Func<int, double> value) =>
        Enumerable.Range(0, D * D).Select(i => i / D == i % D ? value(i / D) : 0).ToArray();

    private static void Set(ILatentMap map, double[] matrix) => Copy(((LatentMap)map).L, matrix, D, D);

    private static void Copy(Tensor parameter, double[] values, params long[] shape)
    {
        using var noGrad = no_grad();
        parameter.copy_(ByHand.Float(values, shape));
    }

    private static double MeanRowNorm(double[] rows) =>
        Enumerable.Range(0, rows.Length / D).Average(r => Math.Sqrt(rows.Skip(r * D).Take(D).Sum(v => v * v)));
}
