using System.Globalization;
using LaVae.IO;
using LaVae.Torch;
using LaVae.Torch.Optimizers;
using LaVae.Torch.Serialization;

namespace LaVae.Training;

/// <summary>Where a model's training stands: the stage in progress and how many of its epochs are done.</summary>
public sealed record TrainingPosition(string Stage, int EpochsDone, bool StageComplete);

/// <summary>
/// One safetensors file per trained model: every parameter, the running stage's optimizer
/// moments ("optimizer.*"), and the position plus the run key as metadata. Written atomically after
/// each stage and every N epochs; a checkpoint of another run (different key) is refused, a damaged
/// one (its checksum no longer matches or was removed, or it is cut short) is set aside.
/// </summary>
public sealed class Checkpoint(string path, string runKey)
{
    private const string OptimizerPrefix = "optimizer.";

    public string Path { get; } = path;

    public void Save(nn.Module model, Optimizer? optimizer, TrainingPosition position) =>
        Save(model, position, optimizer is null ? [] : [optimizer]);

    /// <summary>
    /// As <see cref="Save(nn.Module, Optimizer?, TrainingPosition)"/> for a stage with several optimizers
    /// (a model and its adversary): the first one's state is stored as a single optimizer's is, optimizer
    /// k ≥ 1 under "optimizer.{k}/"; <see cref="OptimizerState"/> picks one back out.
    /// </summary>
    public void Save(nn.Module model, TrainingPosition position, IReadOnlyList<Optimizer> optimizers, TrainingCurves? curves = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizers);
        ArgumentNullException.ThrowIfNull(position);
        var tensors = new Dictionary<string, Tensor>(model.state_dict());
        using var scope = NewDisposeScope();
        for (var k = 0; k < optimizers.Count; k++)
        {
            foreach (var (name, tensor) in optimizers[k].StateDict())
            {
                tensors[OptimizerPrefix + (k == 0 ? name : $"{k}/{name}")] = tensor;
            }
        }

        var metadata = new Dictionary<string, string>
        {
            ["run_key"] = runKey,
            ["stage"] = position.Stage,
            ["epochs_done"] = position.EpochsDone.ToString(CultureInfo.InvariantCulture),
            ["stage_complete"] = position.StageComplete ? "true" : "false",
        };
        if (curves is { IsEmpty: false })
        {
            metadata[TrainingCurves.MetadataKey] = curves.ToJson();
        }

        SafeTensors.Save(Path, tensors, metadata);
    }

    /// <summary>The per-epoch losses the checkpoint <see cref="Restore"/> loaded holds; empty when it loaded none.</summary>
    public TrainingCurves Curves { get; private set; } = new();

    /// <summary>The per-epoch losses recorded in the checkpoint at <paramref name="path"/> (verified), empty when it records none.</summary>
    /// <exception cref="CorruptFileException">The file is damaged (see <see cref="SafeTensors.Verify"/>).</exception>
    /// <exception cref="InvalidDataException">Its curves are not curves.</exception>
    public static TrainingCurves ReadCurves(string path) => CurvesOf(SafeTensors.Verify(path));

    private static TrainingCurves CurvesOf(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(TrainingCurves.MetadataKey, out var json) ? TrainingCurves.FromJson(json) : new TrainingCurves();

    /// <summary>Optimizer <paramref name="index"/>'s part of the state <see cref="Restore"/> hands out.</summary>
    public static IReadOnlyDictionary<string, Tensor> OptimizerState(IReadOnlyDictionary<string, Tensor> state, int index)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (index == 0)
        {
            return state;
        }

        var prefix = $"{index}/";
        return state.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
    }

    /// <summary>
    /// Loads the model's parameters and returns the position, or null when there is nothing to resume
    /// from: no checkpoint, or one that cannot be resumed (damaged; a position <paramref name="stages"/>
    /// do not have; tensors that do not fit the model or are not finite), which is moved aside (see
    /// <see cref="DamagedFile"/>) and described in <paramref name="notice"/> so that training starts over
    /// instead of trusting it, or failing on it in every later run.
    /// </summary>
    /// <exception cref="InvalidDataException">The checkpoint belongs to another run: it is left where it is.</exception>
    public TrainingPosition? Restore(nn.Module model, Device device, IReadOnlyList<StagePlan> stages,
        out IReadOnlyDictionary<string, Tensor> optimizerState, out string? notice)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stages);
        optimizerState = new Dictionary<string, Tensor>();
        notice = null;
        if (!File.Exists(Path))
        {
            return null;
        }

        SafeTensorsContent content;
        try
        {
            content = SafeTensors.Load(Path, device, requireChecksum: true);
        }
        catch (CorruptFileException e)
        {
            notice = SetAside($"is damaged ({e.Problem})");
            return null;
        }

        var meta = content.Metadata;
        if (!meta.TryGetValue("run_key", out var key) || key != runKey)
        {
            throw new InvalidDataException($"{Path} belongs to another run (key {key ?? "none"}, this run {runKey}); delete it or use another output folder.");
        }

        TrainingPosition position;
        TrainingCurves curves;
        try
        {
            position = CheckpointPosition.Read(meta, stages);
            curves = CurvesOf(meta);
            RefuseNonFinite(content.Tensors);
            // All or nothing: a tensor that does not fit leaves the model as it was built.
            model.LoadExactly(content.Tensors.Where(kv => !kv.Key.StartsWith(OptimizerPrefix, StringComparison.Ordinal)).ToDictionary());
        }
        catch (InvalidDataException e)
        {
            notice = SetAside($"cannot be resumed ({e.Message})");
            return null;
        }

        Curves = curves;
        optimizerState = content.Tensors.Where(kv => kv.Key.StartsWith(OptimizerPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[OptimizerPrefix.Length..], kv => kv.Value);
        return position;
    }

    /// <summary>Sets the checkpoint aside as unresumable for <paramref name="problem"/> found after <see cref="Restore"/> (its optimizer moments), returning the notice.</summary>
    public string SetAsideUnresumable(string problem) => SetAside($"cannot be resumed ({problem})");

    /// <summary>Moves the checkpoint aside and returns the one-line notice saying what was wrong (<paramref name="why"/>) and where it went.</summary>
    private string SetAside(string why)
    {
        var aside = DamagedFile.SetAside(Path);
        return $"{Path} {why}; it was moved to {aside} and training starts from the beginning.";
    }

    // A NaN or infinite weight would only make every later loss NaN: resuming from it cannot train.
    private static void RefuseNonFinite(IReadOnlyDictionary<string, Tensor> tensors)
    {
        foreach (var (name, tensor) in tensors)
        {
            if (tensor.is_floating_point() && !tensor.isfinite().all().item<bool>())
            {
                throw new InvalidDataException($"'{name}' holds a value that is not finite (NaN or infinity)");
            }
        }
    }
}
