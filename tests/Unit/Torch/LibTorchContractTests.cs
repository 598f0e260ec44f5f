using System.Runtime.InteropServices;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

/// <summary>
/// What LaVae relies on from LibTorch through TorchSharp, each case named after the LaVae code that
/// needs it; the ops themselves are LibTorch's to test. A TorchSharp or LibTorch upgrade that changes
/// one of these changes LaVae's numbers or breaks its guards.
/// </summary>
[Collection(ProcessWide.Name)]
public class LibTorchContractTests
{
    [Fact]
    public void Round_takes_halves_to_the_even_neighbour_as_OpenCVs_saturate_cast_does_for_ImageBatch_RoundToBytes()
    {
        using var scope = NewDisposeScope();
        double[] values = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 2.4, 2.6];

        TestData.Tensor(values, [values.Length]).round().ToArray<double>().Should().Equal(values.Select(v => Math.Round(v, MidpointRounding.ToEven)));
    }

    [Fact]
    public void Uint8_addition_wraps_at_256_and_int64_conversion_truncates_towards_zero_as_the_papers_noise_needs()
    {
        using var scope = NewDisposeScope();
        tensor(new byte[] { 250, 0, 100 }).add(tensor(new byte[] { 10, 10, 10 })).ToArray<byte>().Should().Equal(4, 10, 110);
        tensor(new[] { -2.7, -0.5, 0.5, 2.7 }).to(ScalarType.Int64).ToArray<long>().Should().Equal(-2, 0, 0, 2);
        tensor(new long[] { -7, 5, 12 }).remainder(5).ToArray<long>().Should().Equal([3L, 0, 2], "remainder takes the divisor's sign, as Python's %");
    }

    [Fact]
    public void Rot90_positive_is_counterclockwise_so_rotate_cw_is_k_minus_one()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new long[] { 1, 2, 3, 4 }, new long[] { 2, 2 });

        m.rot90(1, (0, 1)).ToArray<long>().Should().Equal(2, 4, 1, 3);
        m.rot90(-1, (0, 1)).ToArray<long>().Should().Equal(3, 1, 4, 2);
    }

    [Fact]
    public void Summed_binary_cross_entropy_is_Table_Is_formula_with_the_log_clamped_at_minus_100()
    {
        using var scope = NewDisposeScope();
        var input = TestData.Uniform(1, 12, 0.02, 0.98);
        var target = TestData.Uniform(2, 12, 0, 1);
        static double Bce(double x, double y) => -((y * Math.Max(Math.Log(x), -100)) + ((1 - y) * Math.Max(Math.Log(1 - x), -100)));

        nn.functional.binary_cross_entropy(TestData.Tensor(input, [3, 4]), TestData.Tensor(target, [3, 4]), reduction: nn.Reduction.Sum)
            .ToDouble().Should().BeApproximately(input.Select((x, i) => Bce(x, target[i])).Sum(), 1e-13);
        nn.functional.binary_cross_entropy(zeros([4]), ones([4]), reduction: nn.Reduction.Sum).ToDouble().Should().Be(400, "log 0 is clamped to −100");
    }

    [Fact]
    public void The_KL_terms_autograd_gradient_is_its_closed_form()
    {
        using var scope = NewDisposeScope();
        var (mu, logVar) = (TestData.Uniform(14, 8), TestData.Uniform(15, 8));
        var (m, lv) = (TestData.Tensor(mu, [2, 4]).requires_grad_(), TestData.Tensor(logVar, [2, 4]).requires_grad_());

        (-0.5 * (1 + lv - m.square() - lv.exp()).sum()).backward();

        m.grad!.ShouldBeClose(mu, 1e-15, "∂KL/∂μ = μ");
        lv.grad!.ShouldBeClose(logVar.Select(v => 0.5 * (Math.Exp(v) - 1)).ToArray(), 1e-15, "∂KL/∂logvar = (exp(logvar) − 1)/2");
    }

    [Fact]
    public void A_generator_repeats_its_stream_ignores_the_global_seed_and_replays_a_restored_state_as_seeded_training_and_resuming_need()
    {
        using var scope = NewDisposeScope();
        using var a = new Generator(42);
        using var b = new Generator(42);
        manual_seed(1);
        var first = randn([64], generator: a).ToArray<float>();
        manual_seed(2);
        randn([64], generator: b).ToArray<float>().Should().Equal(first);

        var state = a.get_state();
        var next = rand([16], generator: a).ToArray<float>();
        a.set_state(state);
        rand([16], generator: a).ToArray<float>().Should().Equal(next);

        randint(3, 7, [1000], generator: a).ToArray<long>().Distinct().Order().Should().Equal([3L, 4, 5, 6], "RandomDraws.Integers asks for [low, high + 1)");
    }

    [Fact]
    public void A_disposed_generator_silently_falls_back_to_the_global_one_so_LaVae_keeps_its_generators_alive()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(1);
        generator.Dispose();
        manual_seed(77);
        var fromDisposed = rand([8], generator: generator).ToArray<float>();
        manual_seed(77);

        rand([8]).ToArray<float>().Should().Equal(fromDisposed);
    }

    [Fact]
    public void A_dispose_scope_frees_what_it_made_but_what_moves_to_the_outer_scope_as_every_augmentation_returns_its_result()
    {
        Tensor kept, temporary;
        using (var outer = NewDisposeScope())
        {
            using (var inner = NewDisposeScope())
            {
                temporary = ones([2]);
                kept = (temporary * 3).MoveToOuterDisposeScope();
            }

            temporary.IsInvalid.Should().BeTrue();
            kept.ToArray<float>().Should().Equal(3, 3);
        }

        kept.IsInvalid.Should().BeTrue("the outer scope owned it");
    }

    [Fact]
    public void Inverse_and_singular_values_match_hand_values_as_the_inversion_measure_reads_them()
    {
        using var scope = NewDisposeScope();
        // [[4, 7], [2, 6]]⁻¹ = [[6, −7], [−2, 4]] / 10; the singular values of diag(3, −2) are 3 and 2.
        linalg.inv(TestData.Tensor([4, 7, 2, 6], [2, 2])).ShouldBeClose([0.6, -0.7, -0.2, 0.4], 1e-15, "2×2 inverse");
        var (_, s, _) = linalg.svd(TestData.Tensor([3, 0, 0, -2], [2, 2]), fullMatrices: false);
        s.ShouldBeClose([3, 2], 1e-15, "descending singular values");
    }

    [Fact]
    public void A_libtorch_failure_is_an_ExternalException_starting_with_libtorchs_message_which_user_errors_quote()
    {
        using var scope = NewDisposeScope();
        var act = () => zeros([3]) + zeros([4]);

        act.Should().Throw<ExternalException>().Which.Message.Should().StartWith("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0");
        zeros([2, 2], ScalarType.Float64).Invoking(linalg.inv).Should().Throw<ExternalException>().WithMessage("*singular*");
    }
}
