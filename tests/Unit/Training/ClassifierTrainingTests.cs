using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// The classifier's training stage: it learns an easy labelled set, and like every other stage it is
/// deterministic given the seed and resumes after a crash to the same bits as an uninterrupted run.
/// </summary>
public sealed class ClassifierTrainingTests : IDisposable
{
    private const string Key = "run-key";
    private readonly TempFolder folder = new();
    private readonly LabelledImages train = QuadrantImages.Make(32, seed: 1);

    public void Dispose()
    {
        train.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void It_learns_which_quadrant_holds_the_square_on_images_it_never_saw()
    {
        using var test = QuadrantImages.Make(40, seed: 2);
        using var generator = new Generator(5);
        using var untrained = new DigitClassifier(generator, CPU);
        var before = Accuracy(untrained, test);

        using var model = Train("learn", new RecordingProgress(), TinyTraining.Settings(classifier: 8));

        Accuracy(model, test).Should().Be(1.0, "the quadrant of a white square is plain to see (untrained: {0})", before);
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_parameters_and_another_seed_does_not()
    {
        using var first = Train("first", new RecordingProgress());
        using var second = Train("second", new RecordingProgress());
        using var other = Train("other", new RecordingProgress(), seed: 6);

        TinyTraining.Changed(TinyTraining.Snapshot(first), TinyTraining.Snapshot(second)).Should().BeEmpty();
        TinyTraining.Changed(TinyTraining.Snapshot(first), TinyTraining.Snapshot(other)).Should().HaveCount(8, "seed 6 initialises and shuffles differently");
    }

    [Fact]
    public void A_run_resumed_after_a_crash_ends_bit_identical_to_an_uninterrupted_one()
    {
        var settings = TinyTraining.Settings(classifier: 3);
        using var reference = Train("reference", new RecordingProgress(), settings);
        var crash = () => Train("crashed", new RecordingProgress("classifier", 1, 1), settings);
        crash.Should().Throw<SimulatedCrashException>();

        var resumed = new RecordingProgress();
        using var final = Train("crashed", resumed, settings);

        TinyTraining.Changed(TinyTraining.Snapshot(reference), TinyTraining.Snapshot(final)).Should().BeEmpty();
        resumed.Events.Should().Equal("classifier/classifier started at epoch 1");
    }

    [Fact]
    public void A_finished_classifier_loads_without_training()
    {
        using var trained = Train("done", new RecordingProgress());

        var again = new RecordingProgress();
        using var reloaded = Train("done", again);

        again.Events.Should().Equal("classifier/classifier skipped");
        TinyTraining.Changed(TinyTraining.Snapshot(trained), TinyTraining.Snapshot(reloaded)).Should().BeEmpty();
    }

    private static double Accuracy(DigitClassifier model, LabelledImages images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var all = arange(0, images.Count);
        return ClassReading.Of(model, images.Batch(all)).Predicted.eq(images.Labels).to(ScalarType.Float64).mean().ToDouble();
    }

    private DigitClassifier Train(string name, RecordingProgress progress, TrainingSettings? settings = null, ulong seed = 5)
    {
        var trainers = new ModelTrainers(settings ?? TinyTraining.Settings(), TinyTraining.Context(progress, seed), Key);
        return trainers.TrainClassifier("classifier", train, folder.File($"{name}.safetensors"));
    }
}
