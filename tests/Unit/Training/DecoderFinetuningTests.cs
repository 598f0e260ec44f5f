using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>Fine-tuning a swapped decoder: it starts from the other VAE's decoder and changes nothing else.</summary>
public class DecoderFinetuningTests
{
    private static readonly ModelShape Shape = new(4, 16);

    [Fact]
    public void Fine_tuning_changes_only_a_copy_of_the_decoder_and_lowers_its_loss()
    {
        using var folder = new TemporaryFolder();
        using var g = new Generator(7, CPU);
        using var a = new PlainVae(Shape, g, CPU);
        using var b = new PlainVae(Shape, g, CPU);
        using var targets = Images(32, seed: 3);
        var (encoderBefore, decoderBefore) = (TinyTraining.Snapshot(a.Encoder), TinyTraining.Snapshot(b.Decoder));
        var lossBefore = Loss(a.Encoder, b.Decoder, targets);

        using var tuned = Trainers(stage3: 3).TrainFinetunedDecoder("ft", a.Encoder, b.Decoder, targets, System.IO.Path.Combine(folder.Path, "ft.safetensors"));

        TinyTraining.Changed(encoderBefore, TinyTraining.Snapshot(a.Encoder)).Should().BeEmpty("the encoder is frozen");
        TinyTraining.Changed(decoderBefore, TinyTraining.Snapshot(b.Decoder)).Should().BeEmpty("the starting decoder is copied, not trained in place");
        TinyTraining.Changed(decoderBefore, TinyTraining.Snapshot(tuned)).Should().BeEquivalentTo(decoderBefore.Keys, "every layer of the copy learns");
        Loss(a.Encoder, tuned, targets).Should().BeLessThan(lossBefore);
    }

    [Fact]
    public void With_no_epochs_the_fine_tuned_decoder_is_the_starting_decoder()
    {
        using var folder = new TemporaryFolder();
        using var g = new Generator(8, CPU);
        using var a = new PlainVae(Shape, g, CPU);
        using var b = new PlainVae(Shape, g, CPU);
        using var targets = Images(16, seed: 4);

        using var tuned = Trainers(stage3: 0).TrainFinetunedDecoder("ft", a.Encoder, b.Decoder, targets, System.IO.Path.Combine(folder.Path, "ft.safetensors"));

        TinyTraining.Changed(TinyTraining.Snapshot(b.Decoder), TinyTraining.Snapshot(tuned)).Should().BeEmpty();
    }

    [Fact]
    public void The_loss_is_the_summed_bce_of_decoded_encoder_means_against_the_targets()
    {
        using var g = new Generator(9, CPU);
        using var a = new PlainVae(Shape, g, CPU);
        using var targets = Images(6, seed: 5);
        using var scope = NewDisposeScope();
        var latents = DecoderFinetuning.Latents(a.Encoder, targets, batchSize: 4);
        var indices = tensor(new long[] { 4, 1 });

        var loss = DecoderFinetuning.Loss(a.Decoder, latents, targets, indices).Total.ToDouble();

        using var noGrad = no_grad();
        var chosen = targets.index_select(0, indices);
        var expected = nn.functional.binary_cross_entropy(a.Decoder.forward(a.Encoder.forward(AlignedSets.ToModelInput(chosen)).Mu), AlignedSets.ToModelInput(chosen), reduction: nn.Reduction.Sum).ToDouble();
        loss.Should().BeApproximately(expected, 1e-4 * expected);
    }

    private static ModelTrainers Trainers(int stage3) =>
        new(TinyTraining.Settings(stage3: stage3), TinyTraining.Context(new RecordingProgress()), "test-run");

    private static double Loss(ConvEncoder encoder, ConvDecoder decoder, Tensor targets)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = AlignedSets.ToModelInput(targets);
        return nn.functional.binary_cross_entropy(decoder.forward(encoder.forward(x).Mu), x, reduction: nn.Reduction.Sum).ToDouble();
    }

    private static Tensor Images(int count, int seed)
    {
        var bytes = new byte[count * 784];
        new Random(seed).NextBytes(bytes);
        return tensor(bytes, new long[] { count, 28, 28 });
    }
}
