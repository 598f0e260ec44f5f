using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Torch;
using LaVae.Torch.Optimizers;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>One safetensors file per model: parameters, the running stage's optimizer moments, the position and the run key.</summary>
public class CheckpointTests
{
    [Fact]
    public void Without_a_file_there_is_nothing_to_restore()
    {
        using var folder = new TempFolder();
        using var model = Tiny.Lavae();
        var before = TinyTraining.Snapshot(model);

        var position = new Checkpoint(folder.File("none.safetensors"), "key").Restore(model, Device.Cpu, out var optimizer);

        position.Should().BeNull();
        optimizer.Should().BeEmpty();
        TinyTraining.Changed(before, TinyTraining.Snapshot(model)).Should().BeEmpty();
    }

    [Fact]
    public void Restore_loads_parameters_position_and_optimizer_state_into_a_fresh_model()
    {
        using var scope = Engine.NewDisposeScope();
        using var folder = new TempFolder();
        using var model = Tiny.Lavae(seed: 1);
        using var optimizer = new AdaBelief(model.Maps.SelectMany(m => m.Parameters()).ToList());
        using var generator = new Generator(1);
        using var sets = Tiny.Sets(4, seed: 1);
        using var latents = new FrozenLatents(model, sets);
        for (var step = 0; step < 3; step++)
        {
            optimizer.ZeroGrad();
            LavaeStages.Stage2(model, latents, Tiny.Indices(0, 1, 2, 3), generator, 1).Backward();
            optimizer.Step();
        }

        var checkpoint = new Checkpoint(folder.File("lavae.safetensors"), "key");
        checkpoint.Save(model, optimizer, new TrainingPosition("stage2", 7, StageComplete: false));

        using var fresh = Tiny.Lavae(seed: 2);
        var position = checkpoint.Restore(fresh, Device.Cpu, out var state);

        position.Should().Be(new TrainingPosition("stage2", 7, StageComplete: false));
        TinyTraining.Changed(TinyTraining.Snapshot(model), TinyTraining.Snapshot(fresh)).Should().BeEmpty();
        state.Keys.Should().BeEquivalentTo(["step", "0.exp_avg", "0.exp_avg_var", "1.exp_avg", "1.exp_avg_var"]);
        state["step"].Item().Should().Be(3);
        state["1.exp_avg_var"].ToArray<float>().Should().Equal(optimizer.StateDict()["1.exp_avg_var"].ToArray<float>());
    }

    [Fact]
    public void A_finished_stage_is_saved_without_optimizer_state()
    {
        using var folder = new TempFolder();
        using var model = Tiny.Lavae();
        var checkpoint = new Checkpoint(folder.File("lavae.safetensors"), "key");

        checkpoint.Save(model, null, new TrainingPosition("stage1", 4, StageComplete: true));

        checkpoint.Restore(model, Device.Cpu, out var state).Should().Be(new TrainingPosition("stage1", 4, StageComplete: true));
        state.Should().BeEmpty();
    }

    [Fact]
    public void A_checkpoint_with_another_run_key_is_refused_before_anything_is_loaded()
    {
        using var folder = new TempFolder();
        using var saved = Tiny.Lavae(seed: 1);
        var path = folder.File("lavae.safetensors");
        new Checkpoint(path, "old-key").Save(saved, null, new TrainingPosition("stage1", 1, StageComplete: false));
        using var model = Tiny.Lavae(seed: 2);
        var before = TinyTraining.Snapshot(model);

        var act = () => new Checkpoint(path, "new-key").Restore(model, Device.Cpu, out _);

        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{path} belongs to another run (key old-key, this run new-key); delete it or use another output folder.");
        TinyTraining.Changed(before, TinyTraining.Snapshot(model)).Should().BeEmpty();
    }
}
