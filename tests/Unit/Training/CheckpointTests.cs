using System.Globalization;
using System.Text.RegularExpressions;
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
    /// <summary>A LAVAE's two stages, long enough for every position these tests save.</summary>
    internal static readonly IReadOnlyList<StagePlan> LavaeStagePlans = [new("stage1", 4, 16, 1e-3), new("stage2", 8, 16, 1e-3)];

    [Fact]
    public void Without_a_file_there_is_nothing_to_restore()
    {
        using var folder = new TempFolder();
        using var model = Tiny.Lavae();
        var before = TinyTraining.Snapshot(model);

        var position = new Checkpoint(folder.File("none.safetensors"), "key").Restore(model, CPU, LavaeStagePlans, out var optimizer, out var notice);

        position.Should().BeNull();
        optimizer.Should().BeEmpty();
        notice.Should().BeNull();
        TinyTraining.Changed(before, TinyTraining.Snapshot(model)).Should().BeEmpty();
    }

    [Fact]
    public void Restore_loads_parameters_position_and_optimizer_state_into_a_fresh_model()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var model = Tiny.Lavae(seed: 1);
        using var optimizer = new AdaBelief(model.Maps.SelectMany(m => m.parameters()).ToList());
        using var generator = new Generator(1);
        using var sets = Tiny.Sets(4, seed: 1);
        using var latents = new FrozenLatents(model, sets);
        for (var step = 0; step < 3; step++)
        {
            optimizer.ZeroGrad();
            LavaeStages.Stage2(model, latents, Tiny.Indices(0, 1, 2, 3), generator, 1).Total.backward();
            optimizer.Step();
        }

        var checkpoint = new Checkpoint(folder.File("lavae.safetensors"), "key");
        checkpoint.Save(model, optimizer, new TrainingPosition("stage2", 7, StageComplete: false));

        using var fresh = Tiny.Lavae(seed: 2);
        var position = checkpoint.Restore(fresh, CPU, LavaeStagePlans, out var state, out _);

        position.Should().Be(new TrainingPosition("stage2", 7, StageComplete: false));
        TinyTraining.Changed(TinyTraining.Snapshot(model), TinyTraining.Snapshot(fresh)).Should().BeEmpty();
        state.Keys.Should().BeEquivalentTo(["step", "0.exp_avg", "0.exp_avg_var", "1.exp_avg", "1.exp_avg_var"]);
        state["step"].ToDouble().Should().Be(3);
        state["1.exp_avg_var"].ToArray<float>().Should().Equal(optimizer.StateDict()["1.exp_avg_var"].ToArray<float>());
    }

    [Fact]
    public void A_finished_stage_is_saved_without_optimizer_state()
    {
        using var folder = new TempFolder();
        using var model = Tiny.Lavae();
        var checkpoint = new Checkpoint(folder.File("lavae.safetensors"), "key");

        checkpoint.Save(model, null, new TrainingPosition("stage1", 4, StageComplete: true));

        checkpoint.Restore(model, CPU, LavaeStagePlans, out var state, out _).Should().Be(new TrainingPosition("stage1", 4, StageComplete: true));
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

        var act = () => new Checkpoint(path, "new-key").Restore(model, CPU, LavaeStagePlans, out _, out _);

        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{path} belongs to another run (key old-key, this run new-key); delete it or use another output folder.");
        TinyTraining.Changed(before, TinyTraining.Snapshot(model)).Should().BeEmpty();
        File.Exists(path).Should().BeTrue("another run's checkpoint is not damaged and stays where it is");
    }

    [Fact]
    public void A_checkpoint_with_a_flipped_byte_is_moved_aside_with_a_notice_and_nothing_is_restored()
    {
        using var folder = new TempFolder();
        var path = folder.File("lavae.safetensors");
        var damaged = SavedAndDamaged(path, FlipByte(3));
        using var model = Tiny.Lavae(seed: 2);
        var before = TinyTraining.Snapshot(model);

        var position = new Checkpoint(path, "key").Restore(model, CPU, LavaeStagePlans, out var state, out var notice);

        position.Should().BeNull("a damaged checkpoint leaves nothing to resume from");
        state.Should().BeEmpty();
        TinyTraining.Changed(before, TinyTraining.Snapshot(model)).Should().BeEmpty("nothing of the damaged file reaches the model");
        var aside = folder.AllFiles().Should().ContainSingle().Subject;
        AssertDamagedName(aside, "lavae.safetensors");
        File.ReadAllBytes(folder.File(aside)).Should().Equal(damaged, "the copy is the damaged file as found");
        notice.Should().Match($"{path} is damaged (not a valid safetensors file: its content does not match its checksum*); it was moved to {folder.File(aside)} and training starts from the beginning.")
            .And.NotContain("\n");
    }

    [Fact]
    public void A_truncated_checkpoint_is_moved_aside_instead_of_stopping_the_run()
    {
        using var folder = new TempFolder();
        var path = folder.File("lavae.safetensors");
        SavedAndDamaged(path, bytes => bytes[..(bytes.Length / 2)]);
        using var model = Tiny.Lavae(seed: 2);

        new Checkpoint(path, "key").Restore(model, CPU, LavaeStagePlans, out _, out var notice).Should().BeNull();

        notice.Should().Match($"{path} is damaged (not a valid safetensors file: *outside the file); it was moved to {path}.damaged-*");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void A_second_damage_does_not_overwrite_the_first_copy()
    {
        using var folder = new TempFolder();
        var path = folder.File("lavae.safetensors");
        using var model = Tiny.Lavae(seed: 2);
        var checkpoint = new Checkpoint(path, "key");

        var first = SavedAndDamaged(path, FlipByte(1));
        checkpoint.Restore(model, CPU, LavaeStagePlans, out _, out var firstNotice);
        var second = SavedAndDamaged(path, FlipByte(2));
        checkpoint.Restore(model, CPU, LavaeStagePlans, out _, out var secondNotice);

        var copies = folder.AllFiles();
        copies.Should().HaveCount(2, "each damaged file gets its own copy, even within the same second");
        copies.Should().AllSatisfy(copy => AssertDamagedName(copy, "lavae.safetensors"));
        copies.Select(copy => File.ReadAllBytes(folder.File(copy))).Should().ContainEquivalentOf(first).And.ContainEquivalentOf(second);
        firstNotice.Should().NotBe(secondNotice);
    }

    [Fact]
    public void A_checkpoint_whose_checksum_was_removed_and_weights_changed_is_moved_aside_not_trusted()
    {
        using var folder = new TempFolder();
        var path = folder.File("lavae.safetensors");
        SavedAndDamaged(path, bytes => FlipByte(3)(WithoutChecksum(bytes)));
        using var model = Tiny.Lavae(seed: 2);
        var before = TinyTraining.Snapshot(model);

        var position = new Checkpoint(path, "key").Restore(model, CPU, LavaeStagePlans, out _, out var notice);

        position.Should().BeNull("a checkpoint this code wrote always has its checksum; one without it was edited");
        TinyTraining.Changed(before, TinyTraining.Snapshot(model)).Should().BeEmpty("nothing of the edited file reaches the model");
        notice.Should().Match($"{path} is damaged (not a valid safetensors file: its header has no content checksum*); it was moved to {path}.damaged-*");
        File.Exists(path).Should().BeFalse();
    }

    /// <summary>
    /// A safetensors file's bytes with the checksum entry taken out of its header, as someone editing
    /// the file by hand would: the header's length changes with it, the data stays as it was.
    /// </summary>
    internal static byte[] WithoutChecksum(byte[] bytes)
    {
        var length = (int)BitConverter.ToUInt64(bytes, 0);
        var header = System.Text.Json.Nodes.JsonNode.Parse(bytes.AsSpan(8, length))!.AsObject();
        header["__metadata__"]!.AsObject().Remove("lavae.content_sha256").Should().BeTrue("the file had a checksum to remove");
        var edited = System.Text.Encoding.UTF8.GetBytes(header.ToJsonString());
        return [.. BitConverter.GetBytes((ulong)edited.Length), .. edited, .. bytes.AsSpan(8 + length)];
    }

    /// <summary>Saves a checkpoint at <paramref name="path"/>, applies <paramref name="damage"/> to its bytes and returns what is now on disk.</summary>
    private static byte[] SavedAndDamaged(string path, Func<byte[], byte[]> damage)
    {
        using var model = Tiny.Lavae(seed: 1);
        new Checkpoint(path, "key").Save(model, null, new TrainingPosition("stage1", 1, StageComplete: false));
        var damaged = damage(File.ReadAllBytes(path));
        File.WriteAllBytes(path, damaged);
        return damaged;
    }

    private static Func<byte[], byte[]> FlipByte(int fromEnd) => bytes =>
    {
        bytes[^fromEnd] ^= 0x01;
        return bytes;
    };

    private static void AssertDamagedName(string name, string original)
    {
        name.Should().MatchRegex($@"^{Regex.Escape(original)}\.damaged-\d{{8}}-\d{{6}}(-\d+)?$");
        var stamp = DateTime.ParseExact(name.Substring(original.Length + ".damaged-".Length, 15), "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        stamp.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1), "the stamp is the time of setting aside, in UTC");
    }
}
