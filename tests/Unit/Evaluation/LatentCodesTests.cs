using LaVae.Evaluation;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Evaluation;

/// <summary>Batching the encoder and decoder over a whole set gives what one call on all of it gives, in order.</summary>
public class LatentCodesTests
{
    [Fact]
    public void Means_and_decodes_in_uneven_batches_keep_every_row_in_place()
    {
        using var scope = NewDisposeScope();
        using var sets = Tiny.Sets(5, seed: 2);
        // Stand-ins with a known output: the "mean" is the pixel sum of each digit, the "decoder" tiles a latent row.
        var means = LatentCodes.Means(x => x.flatten(1).sum(1, keepdim: true), sets.Orig, batchSize: 2);
        var decoded = LatentCodes.Decode(z => z.repeat(1, 784).view(-1, 1, 28, 28), means, batchSize: 3);

        var sums = Enumerable.Range(0, 5).Select(i => ByHand.Pixels(sets.Orig).Skip(i * 784).Take(784).Sum()).ToArray();
        means.ShouldBeClose(sums, 1e-3, "pixel sums, digit by digit");
        decoded.shape.Should().Equal(5, 1, 28, 28);
        decoded.ShouldBeClose(sums.SelectMany(sum => Enumerable.Repeat(sum, 784)).ToArray(), 1e-3, "each digit's tile carries its own sum");
    }
}
