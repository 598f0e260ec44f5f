using System.Text.Json;
using System.Text.Json.Nodes;
using LaVae.IO;
using LaVae.Training;
using LaVae.Torch.Serialization;

namespace LaVae.Artifacts;

/// <summary>
/// The folder every experiment's trained parts live in (by default runs/artifacts): one subfolder per
/// artifact, named by kind and key, holding its checkpoint and artifact.json (what it is, its full
/// key, whether training finished). An artifact is trained by one process at a time: its folder is
/// locked while it trains, and a process that finds it locked waits for the holder to finish.
/// </summary>
public sealed class ArtifactStore(string root)
{
    public const string CheckpointFileName = "checkpoint.safetensors";
    public const string DescriptionFileName = "artifact.json";

    /// <summary>The lock a process holds on a part it has claimed (<see cref="TryClaim"/>).</summary>
    public const string ClaimFileName = ".lavae.claim";

    private const string CurvesField = "curves";

    /// <summary>How often a process waiting for another's artifact looks again.</summary>
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public string Root { get; } = Path.GetFullPath(root);

    public string FolderOf(ArtifactNode node) => Path.Combine(Root, node.FolderName);

    public string CheckpointOf(ArtifactNode node) => Path.Combine(FolderOf(node), CheckpointFileName);

    public ArtifactState StateOf(ArtifactNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (IsComplete(node))
        {
            return ArtifactState.Done;
        }

        return File.Exists(CheckpointOf(node)) ? ArtifactState.Partial : ArtifactState.Missing;
    }

    /// <summary>
    /// Holds the artifact's folder for training, waiting while another process holds it
    /// (<paramref name="waiting"/> is told once). Dispose the lock when training ends.
    /// </summary>
    public OutputLock Lock(ArtifactNode node, Action<string> waiting)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var told = false;
        while (true)
        {
            try
            {
                return OutputLock.Acquire(FolderOf(node));
            }
            catch (OutputFolderInUseException busy)
            {
                if (!told)
                {
                    waiting($"waiting for {node}: {busy.Message}");
                    told = true;
                }

                Thread.Sleep(PollInterval);
            }
        }
    }

    /// <summary>
    /// Claims the artifact for training by this process if no other process has (a second lock file,
    /// beside the training lock, which <see cref="ArtifactProvider"/> takes itself); null when another
    /// holds it. The operating system drops the claim when its process dies.
    /// </summary>
    public FileStream? TryClaim(ArtifactNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var folder = Directory.CreateDirectory(FolderOf(node)).FullName;
        try
        {
            return new FileStream(Path.Combine(folder, ClaimFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Records what the artifact is, whether its training finished and, once it has, its per-epoch
    /// losses (<see cref="TrainingCurves"/>, as its checkpoint holds them) under <c>curves</c>.
    /// </summary>
    public void Describe(ArtifactNode node, string environment, bool complete)
    {
        ArgumentNullException.ThrowIfNull(node);
        var description = new JsonObject
        {
            ["key"] = node.Key,
            ["kind"] = node.Spec.Kind,
            ["description"] = node.Spec.Describe(),
            ["complete"] = complete,
            ["updated"] = DateTimeOffset.UtcNow.ToString("O"),
            ["identity"] = JsonNode.Parse(ArtifactKey.CanonicalJson(node.Spec, environment)),
        };
        if (complete)
        {
            description[CurvesField] = JsonNode.Parse(Checkpoint.ReadCurves(CheckpointOf(node)).ToJson());
        }

        AtomicFile.WriteAllText(Path.Combine(FolderOf(node), DescriptionFileName), description.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>
    /// The training curves of a part that is done, from its description (a part described before
    /// descriptions held curves has none: its stages come out empty).
    /// </summary>
    public PartCurves CurvesOf(ArtifactNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var path = Path.Combine(FolderOf(node), DescriptionFileName);
        TrainingCurves curves;
        try
        {
            var recorded = JsonNode.Parse(File.ReadAllText(path))?[CurvesField];
            curves = recorded is null ? new TrainingCurves() : TrainingCurves.FromJson(recorded.ToJsonString());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not an artifact description: {e.Message}", e);
        }

        return new PartCurves(node.Spec.Describe(), node.Spec.Kind, node.Spec.PairName, node.Spec.Seed, node.Key, curves.Stages);
    }

    // A checkpoint edited after it was written (its checksum removed or no longer matching) is not a
    // trained artifact, whatever its description says: the run that loads it sets it aside and trains again.
    // Returns its metadata, or null when it is damaged.
    private static IReadOnlyDictionary<string, string>? Intact(string checkpoint)
    {
        try
        {
            return SafeTensors.Verify(checkpoint);
        }
        catch (CorruptFileException)
        {
            return null;
        }
    }

    private bool IsComplete(ArtifactNode node)
    {
        var path = Path.Combine(FolderOf(node), DescriptionFileName);
        if (!File.Exists(path) || !File.Exists(CheckpointOf(node)))
        {
            return false;
        }

        bool described;
        try
        {
            var description = JsonNode.Parse(File.ReadAllText(path));
            described = description?["key"]?.GetValue<string>() == node.Key && description["complete"]?.GetValue<bool>() == true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A damaged description (not JSON, or JSON of another shape) is not trusted: the checkpoint decides when the artifact is trained again.
            return false;
        }

        // Hashing the whole checkpoint is the costly check, so it comes last.
        return described && Finished(node);
    }

    // The description is written before the checkpoint's last save, and either can be edited or lost:
    // the part is done only if its checkpoint also records its last stage complete.
    private bool Finished(ArtifactNode node)
    {
        var kind = ModelKinds.Get(node.Spec.Kind);
        return Intact(CheckpointOf(node)) is { } metadata
            && CheckpointPosition.Finished(metadata, kind.FinalStage, node.Spec.Settings[kind.EpochSettings[^1]]);
    }
}
