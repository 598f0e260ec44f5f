using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Torch.Serialization;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// A checkpoint with an intact checksum that still cannot be resumed (its position is not one the
/// model has, its tensors do not fit the model or are not finite) is set aside with a notice naming
/// the file and the problem, as a damaged one is, so the next run trains from the start instead of failing.
/// </summary>
public sealed class CheckpointRefusalTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string PathOf => folder.File("lavae.safetensors");

    [Theory]
    [InlineData("epochs_done", "two", "epochs_done is \"two\", not a whole number")]
    [InlineData("epochs_done", "-1", "epochs_done is -1, below 0")]
    [InlineData("epochs_done", "9", "epochs_done is 9, more than the 4 epochs of stage stage1")]
    [InlineData("epochs_done", null, "it records no epochs_done")]
    [InlineData("stage", null, "it records no stage")]
    [InlineData("stage", "stage9", "stage is \"stage9\", which this model does not have (its stages: stage1, stage2)")]
    [InlineData("stage_complete", "yes", "stage_complete is \"yes\", not true or false")]
    [InlineData("stage_complete", "true", "stage stage1 is marked complete after 1 of its 4 epochs")]
    [InlineData("curves", "[1, 2]", "training curves are not stage → term → values*")]
    public void Metadata_that_names_no_position_of_this_model_is_set_aside(string field, string? value, string problem)
    {
        using var saved = Tiny.Lavae(seed: 1);
        var metadata = Metadata();
        if (value is null)
        {
            metadata.Remove(field);
        }
        else
        {
            metadata[field] = value;
        }

        SafeTensors.Save(PathOf, saved.state_dict(), metadata);

        AssertSetAside(problem);
    }

    public static TheoryData<string, string> TensorEdits => new()
    {
        { "shape", "state does not fit Lavae: 'encoder.*': expected Float32[*], found Float32[3]" },
        { "dtype", "state does not fit Lavae: 'encoder.*': expected Float32[*], found Float64[*]" },
        { "extra", "state does not fit Lavae: unexpected 'stowaway'" },
        { "missing", "state does not fit Lavae: missing 'encoder.*'" },
        { "nan", "'encoder.*' holds a value that is not finite (NaN or infinity)" },
        { "infinity", "'encoder.*' holds a value that is not finite (NaN or infinity)" },
    };

    [Theory]
    [MemberData(nameof(TensorEdits))]
    public void Tensors_that_do_not_fit_the_model_or_are_not_finite_are_set_aside(string edit, string problem)
    {
        using var saved = Tiny.Lavae(seed: 1);
        var tensors = new Dictionary<string, Tensor>(saved.state_dict());
        var first = tensors.Keys.First(name => name.StartsWith("encoder.", StringComparison.Ordinal));
        using var noGrad = no_grad();
        switch (edit)
        {
            case "shape": tensors[first] = zeros(3); break;
            case "dtype": tensors[first] = tensors[first].to(ScalarType.Float64); break;
            case "extra": tensors["stowaway"] = zeros(2); break;
            case "missing": tensors.Remove(first); break;
            case "nan": tensors[first] = tensors[first].clone().index_fill_(0, tensor(0L), double.NaN); break;
            default: tensors[first] = tensors[first].clone().index_fill_(0, tensor(0L), double.PositiveInfinity); break;
        }

        SafeTensors.Save(PathOf, tensors, Metadata());

        AssertSetAside(problem);
    }

    [Fact]
    public void Training_over_a_refused_checkpoint_starts_from_the_first_epoch_and_says_why()
    {
        using var saved = Tiny.Lavae(seed: 1);
        SafeTensors.Save(PathOf, saved.state_dict(), new Dictionary<string, string>(Metadata()) { ["stage"] = "stage9" });
        using var model = Tiny.Lavae(seed: 2);
        using var train = Tiny.Sets(16, seed: 1);
        var progress = new RecordingProgress();
        var stage1 = new StagePlan("stage1", 1, 16, 1e-3);

        var training = new ModelTraining("lavae", model, new Checkpoint(PathOf, "key"), [stage1], TinyTraining.Context(progress));
        training.RunStage(stage1, [.. model.parameters()], train.Count,
            (indices, generator) => LavaeStages.Stage1(model, train.Batch(AugClass.Orig, indices), generator, klWeight: 1));

        progress.Notices.Should().ContainSingle().Which.Should().StartWith($"{PathOf} cannot be resumed (stage is \"stage9\"");
        progress.Events.Should().Contain("lavae/stage1 started at epoch 0");
        new Checkpoint(PathOf, "key").Restore(model, CPU, [stage1], out _, out _).Should().Be(new TrainingPosition("stage1", 1, StageComplete: true));
    }

    /// <summary>What <see cref="Checkpoint.Save(nn.Module, Optimizer?, TrainingPosition)"/> records for stage 1 after one epoch.</summary>
    private static Dictionary<string, string> Metadata() => new()
    {
        ["run_key"] = "key",
        ["stage"] = "stage1",
        ["epochs_done"] = "1",
        ["stage_complete"] = "false",
    };

    private void AssertSetAside(string problem)
    {
        using var model = Tiny.Lavae(seed: 2);
        var before = TinyTraining.Snapshot(model);

        var position = new Checkpoint(PathOf, "key").Restore(model, CPU, CheckpointTests.LavaeStagePlans, out var state, out var notice);

        position.Should().BeNull("nothing can be resumed from it");
        state.Should().BeEmpty();
        TinyTraining.Changed(before, TinyTraining.Snapshot(model)).Should().BeEmpty("nothing of the refused file reaches the model");
        notice.Should().Match($"{PathOf} cannot be resumed ({problem}); it was moved to {PathOf}.damaged-* and training starts from the beginning.")
            .And.NotContain("\n");
        File.Exists(PathOf).Should().BeFalse("the next run must not find it again");
        folder.AllFiles().Should().ContainSingle().Which.Should().StartWith("lavae.safetensors.damaged-");
    }
}
