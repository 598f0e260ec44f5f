using System.Text.Json.Nodes;
using LaVae.Artifacts;
using LaVae.IO;
using LaVae.Tests.Unit.Support;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Training;
using LaVae.Training;

namespace LaVae.Tests.Unit.Artifacts;

/// <summary>An artifact is Done only when its checkpoint and a complete description of its own key are both there.</summary>
public sealed class ArtifactStoreTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ArtifactStore store;
    private readonly ArtifactNode node;

    public ArtifactStoreTests()
    {
        store = new ArtifactStore(folder.Path);
        node = new ArtifactGraph("cpu").Add(new ArtifactSpec("lavae", "mnist", ["flip_lr", "flip_ud"], 1, TinyTraining.Settings()));
    }

    public void Dispose() => folder.Dispose();

    private string DescriptionPath => Path.Combine(store.FolderOf(node), ArtifactStore.DescriptionFileName);

    /// <summary>A checkpoint of training that finished: stage 2, a LAVAE's last, complete after its epochs.</summary>
    private void WriteCheckpoint() => WriteCheckpoint(new TrainingPosition("stage2", node.Spec.Settings[Setting.Stage2Epochs], StageComplete: true));

    private void WriteCheckpoint(TrainingPosition position)
    {
        Directory.CreateDirectory(store.FolderOf(node));
        using var model = Tiny.Lavae();
        new Checkpoint(store.CheckpointOf(node), node.Key).Save(model, null, position);
    }

    [Theory]
    [InlineData("stage1", 2, true)]
    [InlineData("stage2", 1, false)]
    [InlineData("stage2", 2, true)]
    public void A_complete_description_beside_a_checkpoint_of_unfinished_training_is_partial(string stage, int epochs, bool complete)
    {
        WriteCheckpoint(new TrainingPosition(stage, epochs, complete));
        store.Describe(node, "cpu", complete: true);

        store.StateOf(node).Should().Be(ArtifactState.Partial, "the checkpoint, not the description alone, says whether the last stage finished");
    }

    [Fact]
    public void A_complete_description_beside_a_checkpoint_without_its_checksum_is_not_done()
    {
        WriteCheckpoint();
        store.Describe(node, "cpu", complete: true);
        var path = store.CheckpointOf(node);
        File.WriteAllBytes(path, CheckpointTests.WithoutChecksum(File.ReadAllBytes(path)));

        store.StateOf(node).Should().NotBe(ArtifactState.Done, "an edited checkpoint is trained again, so `lavae plan` must not call it done");
    }

    [Fact]
    public void An_artifact_lives_in_a_folder_named_by_its_kind_and_key()
    {
        store.FolderOf(node).Should().Be(Path.Combine(folder.Path, $"lavae-{node.Key[..16]}"));
        store.CheckpointOf(node).Should().Be(Path.Combine(store.FolderOf(node), "checkpoint.safetensors"));
    }

    [Fact]
    public void Missing_then_partial_with_a_checkpoint_then_done_once_described_complete()
    {
        store.StateOf(node).Should().Be(ArtifactState.Missing);

        WriteCheckpoint();
        store.StateOf(node).Should().Be(ArtifactState.Partial, "a checkpoint without a description is unfinished training");

        store.Describe(node, "cpu", complete: false);
        store.StateOf(node).Should().Be(ArtifactState.Partial, "training has not finished");

        store.Describe(node, "cpu", complete: true);
        store.StateOf(node).Should().Be(ArtifactState.Done);
        folder.AllFiles().Should().Equal($"{node.FolderName}/artifact.json", $"{node.FolderName}/checkpoint.safetensors");
    }

    [Fact]
    public void The_description_records_the_key_the_kind_and_the_identity_it_was_hashed_from()
    {
        WriteCheckpoint();
        store.Describe(node, "cpu", complete: true);

        var description = JsonNode.Parse(File.ReadAllText(DescriptionPath))!;

        description["key"]!.GetValue<string>().Should().Be(node.Key);
        description["kind"]!.GetValue<string>().Should().Be("lavae");
        description["complete"]!.GetValue<bool>().Should().BeTrue();
        description["identity"]!.ToJsonString().Should().Be(System.Text.Encoding.UTF8.GetString(ArtifactKey.CanonicalJson(node.Spec, "cpu")));
    }

    [Fact]
    public void A_complete_description_without_its_checkpoint_is_not_done()
    {
        WriteCheckpoint();
        store.Describe(node, "cpu", complete: true);
        File.Delete(store.CheckpointOf(node));

        store.StateOf(node).Should().Be(ArtifactState.Missing);
    }

    [Fact]
    public void A_complete_description_of_another_key_is_not_done()
    {
        WriteCheckpoint();
        store.Describe(node, "cpu", complete: true);
        var description = JsonNode.Parse(File.ReadAllText(DescriptionPath))!;
        description["key"] = new string('0', 64);
        File.WriteAllText(DescriptionPath, description.ToJsonString());

        store.StateOf(node).Should().Be(ArtifactState.Partial);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"key\": \"")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{\"key\": 7, \"complete\": true}")]
    [InlineData("{\"key\": \"KEY\", \"complete\": \"yes\"}")]
    [InlineData("{\"key\": \"KEY\"}")]
    public void A_damaged_description_is_not_done(string content)
    {
        WriteCheckpoint();
        File.WriteAllText(DescriptionPath, content.Replace("KEY", node.Key, StringComparison.Ordinal));

        store.StateOf(node).Should().Be(ArtifactState.Partial);
    }

    [Fact]
    public void A_second_lock_waits_until_the_first_is_released_and_says_so_once()
    {
        var poll = ArtifactStore.PollInterval;
        ArtifactStore.PollInterval = TimeSpan.FromMilliseconds(10);
        try
        {
            var notices = new List<string>();
            var first = store.Lock(node, notices.Add);
            notices.Should().BeEmpty("nobody held the artifact");

            using var acquired = new ManualResetEventSlim();
            OutputLock? second = null;
            var waiter = new Thread(() =>
            {
                second = store.Lock(node, message =>
                {
                    lock (notices)
                    {
                        notices.Add(message);
                    }
                });
                acquired.Set();
            });
            waiter.Start();

            acquired.Wait(TimeSpan.FromMilliseconds(500)).Should().BeFalse("the first lock is still held");
            lock (notices)
            {
                notices.Should().ContainSingle().Which.Should().StartWith($"waiting for {node}: ");
            }

            first.Dispose();
            acquired.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue("the artifact was released");
            waiter.Join();
            second!.Folder.Should().Be(store.FolderOf(node));
            second.Dispose();
            notices.Should().HaveCount(1, "the waiting process is told once, not at every look");
        }
        finally
        {
            ArtifactStore.PollInterval = poll;
        }
    }

    [Fact]
    public void A_claimed_part_cannot_be_claimed_again_until_its_claim_ends_and_a_claim_leaves_the_training_lock_free()
    {
        using (var first = store.TryClaim(node))
        {
            first.Should().NotBeNull();
            store.TryClaim(node).Should().BeNull("another claimer must pass this part by");
            using var training = store.Lock(node, _ => throw new InvalidOperationException("the claim must not hold the training lock"));
        }

        using var again = store.TryClaim(node);
        again.Should().NotBeNull("the claim ended with its holder");
    }

    [Fact]
    public void Locks_on_different_artifacts_do_not_wait_for_each_other()
    {
        var other = new ArtifactGraph("cpu").Add(node.Spec with { Seed = 2 });
        var notices = new List<string>();

        using var first = store.Lock(node, notices.Add);
        using var second = store.Lock(other, notices.Add);

        notices.Should().BeEmpty();
        store.FolderOf(other).Should().NotBe(store.FolderOf(node));
    }
}
