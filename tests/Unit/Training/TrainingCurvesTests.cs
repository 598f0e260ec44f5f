using LaVae.Data;
using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// Training records each stage's per-epoch losses per term in its checkpoint: the total is the
/// weighted sum of the terms, a run resumed after a crash ends with the curves of one that never
/// stopped, and a finished run's curves read back from the checkpoint.
/// </summary>
public sealed class TrainingCurvesTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly AlignedSets train = Tiny.Sets(24, seed: 1);

    public void Dispose()
    {
        train.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Each_stage_records_its_total_and_terms_once_per_epoch_and_the_total_is_their_weighted_sum()
    {
        var settings = TestSettings.Of(filters: 4, latent: 16, batchSize: 16, learningRate: 1e-3, klWeight: 2.5, involutoryWeight: 0.5,
            trainImages: 24, testImages: 4, stage1: 2, stage2: 3, stage3: 1, cvae: 1, classifier: 1, checkpointEvery: 1);
        var curves = Train("weights", new RecordingProgress(), settings);

        curves.Stages.Keys.Should().Equal("stage1", "stage2");
        var stage1 = curves.Stages["stage1"];
        stage1.Keys.Should().Equal("loss", "bce", "kl");
        stage1.Values.Should().AllSatisfy(values => values.Should().HaveCount(2));
        for (var epoch = 0; epoch < 2; epoch++)
        {
            stage1["loss"][epoch].Should().BeApproximately(stage1["bce"][epoch] + (2.5 * stage1["kl"][epoch]), 1e-4 * stage1["loss"][epoch]);
            stage1["bce"][epoch].Should().BeInRange(100, 28 * 28 * 2, "a summed BCE per 28 x 28 image of a barely trained decoder");
        }

        var stage2 = curves.Stages["stage2"];
        stage2.Keys.Should().Equal("loss", "map_mse", "involutory");
        stage2["loss"].Should().HaveCount(3);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            stage2["loss"][epoch].Should().BeApproximately(stage2["map_mse"][epoch] + (0.5 * stage2["involutory"][epoch]), 1e-4 * stage2["loss"][epoch]);
        }
    }

    [Fact]
    public void The_recorded_total_is_the_mean_loss_progress_reports()
    {
        var progress = new EpochRecorder();
        var curves = Train("progress", progress);

        curves.Stages["stage1"]["loss"].Should().Equal(progress.Means.Where(m => m.Stage == "stage1").Select(m => m.Mean));
        progress.Terms.Where(t => t.Stage == "stage1").Select(t => t.Names).Should().AllBeEquivalentTo(new[] { "bce", "kl" });
    }

    [Theory]
    [InlineData("stage1", 1, 0)]
    [InlineData("stage2", 2, 1)]
    public void A_run_resumed_after_a_crash_ends_with_the_curves_of_an_uninterrupted_one(string stage, int epoch, int batch)
    {
        var reference = Train("reference", new RecordingProgress());
        var crash = () => Train("crashed", new RecordingProgress(stage, epoch, batch));
        crash.Should().Throw<SimulatedCrashException>();

        var resumed = Train("crashed", new RecordingProgress());

        resumed.ToJson().Should().Be(reference.ToJson(), "the epochs before the crash come from the checkpoint, the rest are recorded again");
    }

    [Fact]
    public void A_finished_checkpoint_holds_the_curves_and_a_reload_keeps_them()
    {
        var trained = Train("done", new RecordingProgress());

        Checkpoint.ReadCurves(folder.File("done.safetensors")).ToJson().Should().Be(trained.ToJson());
        Train("done", new RecordingProgress()).ToJson().Should().Be(trained.ToJson(), "loading a finished run records nothing new");
    }

    [Fact]
    public void Curves_round_trip_through_json_and_a_later_record_of_an_epoch_replaces_it()
    {
        var curves = new TrainingCurves();
        curves.Record("stage1", 0, 3.0, [KeyValuePair.Create("bce", 2.0), KeyValuePair.Create("kl", 1.0)]);
        curves.Record("stage1", 1, 2.0, [KeyValuePair.Create("bce", 1.5), KeyValuePair.Create("kl", 0.5)]);
        curves.Record("stage1", 1, 2.5, [KeyValuePair.Create("bce", 1.75), KeyValuePair.Create("kl", 0.75)]);

        var read = TrainingCurves.FromJson(curves.ToJson());

        read.Stages["stage1"]["loss"].Should().Equal(3.0, 2.5);
        read.Stages["stage1"]["kl"].Should().Equal(1.0, 0.75);
        var skip = () => curves.Record("stage1", 5, 1, []);
        skip.Should().Throw<InvalidOperationException>().WithMessage("stage stage1, term loss: epoch 6 recorded after only 2 epochs");
        var broken = () => TrainingCurves.FromJson("{\"stage1\": [1, 2]}");
        broken.Should().Throw<InvalidDataException>().WithMessage("training curves are not stage → term → values*");
    }

    private TrainingCurves Train(string name, ITrainingProgress progress, TrainingSettings? settings = null)
    {
        var path = folder.File($"{name}.safetensors");
        var trainers = new ModelTrainers(settings ?? TinyTraining.Settings(), TinyTraining.Context(progress), "key");
        using var model = trainers.TrainLavae("lavae", () => train, Tiny.Flips, path, LatentMapKind.Linear);
        return Checkpoint.ReadCurves(path);
    }

    private sealed class EpochRecorder : ITrainingProgress
    {
        public List<(string Stage, double Mean)> Means { get; } = [];

        public List<(string Stage, string[] Names)> Terms { get; } = [];

        public void StageStarted(string model, StagePlan stage, int firstEpoch, int batchesPerEpoch)
        {
        }

        public void BatchDone(string model, StagePlan stage, int epoch, int batch, double loss)
        {
        }

        public void EpochDone(string model, StagePlan stage, int epoch, double meanLoss, IReadOnlyList<KeyValuePair<string, double>> terms, TimeSpan elapsed)
        {
            Means.Add((stage.Name, meanLoss));
            Terms.Add((stage.Name, [.. terms.Select(t => t.Key)]));
        }

        public void StageSkipped(string model, StagePlan stage, string reason)
        {
        }

        public void Notice(string message)
        {
        }
    }
}
