using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// The three LAVAE stage losses (paper section 1) on a few images, against the formulas recomputed
/// here from the model's own encoder and decoder and noise drawn from an identically seeded generator.
/// </summary>
public class LavaeStagesTests
{
    private const int D = 16;

    [Fact]
    public void Stage1_is_summed_bce_of_the_reconstruction_of_a_sampled_latent_plus_weighted_kl()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 1);
        using var sets = Tiny.Sets(3, seed: 1);
        var x = sets.Batch(AugClass.Aug2, Tiny.Indices(2, 0, 1));
        using var generator = new Generator(7);
        using var twin = new Generator(7);

        var loss = LavaeStages.Stage1(model, x, generator, klWeight: 2.5).Total.ToDouble();

        var (mu, logVar) = model.Encode(x);
        var z = ByHand.Reparameterize(ByHand.Values(mu), ByHand.Values(logVar), ByHand.Values(randn([3, D], generator: twin)));
        var reconstruction = ByHand.Values(model.Decode(ByHand.Float(z, 3, D)));
        var expected = ByHand.SummedBce(reconstruction, ByHand.Values(x)) + (2.5 * ByHand.Kl(ByHand.Values(mu), ByHand.Values(logVar)));
        loss.Should().BeApproximately(expected, 1e-5 * expected);
    }

    [Fact]
    public void Stage1_gradients_reach_the_encoder_and_decoder_0_only()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 2);
        using var generator = new Generator(2);
        model.AddHead(generator);
        using var sets = Tiny.Sets(2, seed: 2);

        LavaeStages.Stage1(model, sets.Batch(AugClass.Orig, Tiny.Indices(0, 1)), generator, klWeight: 1).Total.backward();

        GradientOwners(model).Should().BeEquivalentTo(Prefixed(model, "encoder.", "decoder0."));
    }

    [Fact]
    public void Frozen_latents_sample_like_reparameterising_a_fresh_encoder_pass()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 3);
        using var sets = Tiny.UnrelatedSets(7, seed: 3);
        using var latents = new FrozenLatents(model, sets, batchSize: 3);
        var indices = Tiny.Indices(6, 2, 3, 0);

        foreach (var augClass in new[] { AugClass.Orig, AugClass.Aug1, AugClass.Aug2 })
        {
            using var generator = new Generator(30 + (ulong)augClass);
            using var twin = new Generator(30 + (ulong)augClass);
            var sample = latents.Sample(augClass, indices, generator);

            var (mu, logVar) = model.Encode(sets.Batch(augClass, indices));
            var epsilon = ByHand.Values(randn([4, D], generator: twin));
            sample.ShouldBeClose(ByHand.Reparameterize(ByHand.Values(mu), ByHand.Values(logVar), epsilon), 1e-5, $"frozen latents of {augClass}");
        }
    }

    [Fact]
    public void Stage2_fits_z0_L_k_to_z_k_by_mse_plus_weighted_involutory_penalties()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 4);
        using var sets = Tiny.UnrelatedSets(6, seed: 4);
        using var latents = new FrozenLatents(model, sets, batchSize: 4);
        var indices = Tiny.Indices(4, 1, 5);
        using var generator = new Generator(9);
        using var twin = new Generator(9);

        var loss = LavaeStages.Stage2(model, latents, indices, generator, involutoryWeight: 0.5).Total.ToDouble();

        // The noise is drawn for x0, then A1(x0), then A2(x0), one (3, 16) block each.
        var z = new[] { AugClass.Orig, AugClass.Aug1, AugClass.Aug2 }.Select(c =>
        {
            var (mu, logVar) = model.Encode(sets.Batch(c, indices));
            return ByHand.Reparameterize(ByHand.Values(mu), ByHand.Values(logVar), ByHand.Values(randn([3, D], generator: twin)));
        }).ToArray();
        var (l1, l2) = (L(model, 0), L(model, 1));
        var fit = ByHand.Mse(ByHand.Times(z[0], D, l1), z[1]) + ByHand.Mse(ByHand.Times(z[0], D, l2), z[2]);
        var penalty = ByHand.InvolutoryPenalty(l1, D) + ByHand.InvolutoryPenalty(l2, D);
        loss.Should().BeApproximately(fit + (0.5 * penalty), 1e-5 * (fit + penalty));
    }

    [Fact]
    public void Stage2_gradients_reach_the_maps_only()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 5);
        using var sets = Tiny.Sets(4, seed: 5);
        using var latents = new FrozenLatents(model, sets);
        using var generator = new Generator(5);

        LavaeStages.Stage2(model, latents, Tiny.Indices(0, 3), generator, involutoryWeight: 1).Total.backward();

        GradientOwners(model).Should().BeEquivalentTo(["map1.L", "map2.L"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Stage3_is_the_summed_bce_of_the_new_head_reading_z0_z0L1_z0L2_and_z0L1L2(bool trainComposition)
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 6);
        using var generator = new Generator(6);
        var head = model.AddHead(generator);
        using var target = Tiny.UnrelatedSets(4, seed: 6);
        using var latents = new TransferLatents(model, target.Orig);
        var indices = Tiny.Indices(3, 0, 2);

        var loss = LavaeStages.Stage3(head, latents, target, indices, trainComposition).Total.ToDouble();

        var z0 = ByHand.Values(model.Encode(target.Batch(AugClass.Orig, indices)).Mu);
        var (l1, l2) = (L(model, 0), L(model, 1));
        List<(double[] Z, AugClass Target)> terms =
        [
            (z0, AugClass.Orig),
            (ByHand.Times(z0, D, l1), AugClass.Aug1),
            (ByHand.Times(z0, D, l2), AugClass.Aug2),
        ];
        if (trainComposition)
        {
            terms.Add((ByHand.Times(z0, D, l1, l2), AugClass.Compose));
        }

        var expected = terms.Sum(term => ByHand.SummedBce(
            ByHand.Values(model.Decode(ByHand.Float(term.Z, 3, D), head: 1)),
            ByHand.Values(target.Batch(term.Target, indices))));
        loss.Should().BeApproximately(expected, 1e-5 * expected);
    }

    [Fact]
    public void Transfer_latents_are_the_encoder_means_of_every_original_and_their_images_under_the_maps()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 8);
        using var sets = Tiny.Sets(5, seed: 8);

        // Batches of 2 over 5 images: the last one is short.
        using var latents = new TransferLatents(model, sets.Orig, batchSize: 2);

        var z0 = ByHand.Values(model.Encode(sets.Batch(AugClass.Orig, Tiny.Indices(0, 1, 2, 3, 4))).Mu);
        var (l1, l2) = (L(model, 0), L(model, 1));
        ByHand.Values(latents[AugClass.Orig]).Should().Equal(z0, (a, b) => Math.Abs(a - b) < 1e-5);
        ByHand.Values(latents[AugClass.Aug1]).Should().Equal(ByHand.Times(z0, D, l1), (a, b) => Math.Abs(a - b) < 1e-5);
        ByHand.Values(latents[AugClass.Aug2]).Should().Equal(ByHand.Times(z0, D, l2), (a, b) => Math.Abs(a - b) < 1e-5);
        ByHand.Values(latents[AugClass.Compose]).Should().Equal(ByHand.Times(z0, D, l1, l2), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Stage3_gradients_reach_its_head_only()
    {
        using var scope = NewDisposeScope();
        using var model = Tiny.Lavae(seed: 7);
        using var generator = new Generator(7);
        model.AddHead(generator);
        var head = model.AddHead(generator);
        using var target = Tiny.Sets(3, seed: 7);
        using var latents = new TransferLatents(model, target.Orig);

        LavaeStages.Stage3(head, latents, target, Tiny.Indices(0, 1, 2)).Total.backward();

        GradientOwners(model).Should().BeEquivalentTo(Prefixed(model, "decoder2."));
    }

    private static double[] L(Lavae model, int k) => ByHand.Values(((LatentMap)model.Maps[k]).L);

    private static List<string> GradientOwners(Lavae model) =>
        model.named_parameters().Where(p => p.parameter.grad is not null).Select(p => p.name).ToList();

    private static List<string> Prefixed(Lavae model, params string[] prefixes) =>
        model.named_parameters().Select(p => p.name).Where(name => prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList();
}
