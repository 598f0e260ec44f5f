using LaVae.Artifacts;
using LaVae.Measures;
using LaVae.Tests.Unit.Training;

namespace LaVae.Tests.Unit.Measures;

/// <summary>The swaps' parts, rows and metric names.</summary>
public class DatasetSwapsMeasureTests
{
    private static readonly IMeasure Measure = MeasureRegistry.Get("dataset_swaps");

    private static ExperimentDesign Design() => new("mnist", Pair: null, Models: [], Transfer: null, TinyTraining.Settings());

    [Fact]
    public void It_needs_a_pairless_vae_and_classifier_per_dataset_and_each_cross_swap_fine_tuned_on_100_and_1000()
    {
        var design = Design();

        var needs = Measure.Needs(design, seed: 2).ToList();

        var mnist = new ArtifactSpec("vae", "mnist", ArtifactSpec.NoPair, 2, design.Settings);
        var fashion = new ArtifactSpec("vae", "fashion-mnist", ArtifactSpec.NoPair, 2, design.Settings);
        needs.Should().HaveCount(8);
        needs[0].Should().Be(mnist);
        needs[1].Should().Be(fashion);
        needs[2].Should().Be(new ArtifactSpec("classifier", "mnist", ArtifactSpec.NoPair, 2, design.Settings));
        needs[3].Should().Be(new ArtifactSpec("classifier", "fashion-mnist", ArtifactSpec.NoPair, 2, design.Settings));
        needs.Skip(4).Select(spec => (spec.Kind, spec.Dataset, spec.Source)).Should().Equal(
            ("vae_decoder_finetuned_100", "fashion-mnist", mnist),
            ("vae_decoder_finetuned_1000", "fashion-mnist", mnist),
            ("vae_decoder_finetuned_100", "mnist", fashion),
            ("vae_decoder_finetuned_1000", "mnist", fashion));
        needs.Skip(4).Should().OnlyContain(spec => spec.Pair.Count == 0);
    }

    [Fact]
    public void Every_part_has_its_own_key_and_fine_tuning_keys_on_its_image_count()
    {
        var keys = Measure.Needs(Design(), seed: 1).Select(spec => ArtifactKey.Compute(spec, "cpu")).ToList();

        keys.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void It_reports_eight_rows_of_errors_and_class_mapping_and_each_classifiers_accuracy()
    {
        var names = Measure.MetricNames(Design()).ToList();

        string[] rows =
        [
            "enc_mnist_dec_mnist", "enc_mnist_dec_fashion", "enc_mnist_dec_fashion_ft100", "enc_mnist_dec_fashion_ft1000",
            "enc_fashion_dec_mnist", "enc_fashion_dec_mnist_ft100", "enc_fashion_dec_mnist_ft1000", "enc_fashion_dec_fashion",
        ];
        names.Should().BeEquivalentTo(
            (from row in rows
             from measure in new[] { "bce", "sse" }
             from column in new[] { "encoder_set", "decoder_set" }
             select $"{row}.{measure}.{column}")
            .Concat(
                from row in rows
                from column in new[] { "mapping", "chance", "decoder_set" }
                select $"{row}.class.{column}")
            .Append("mnist_classifier.class.test")
            .Append("fashion_classifier.class.test"));
    }

    [Fact]
    public void A_fine_tuned_part_describes_its_encoder_and_dataset_and_trains_under_its_own_name()
    {
        var spec = Measure.Needs(Design(), seed: 1).ElementAt(4);

        spec.Describe().Should().Be("VAE decoder fine-tuned on 100 images for fashion-mnist under the mnist VAE's encoder (seed 1)");
        spec.TrainingName.Should().Be("vae_decoder_finetuned_100/mnist/fashion-mnist");
        spec.Source!.Describe().Should().Be("VAE on mnist's originals (seed 1)");
    }
}
