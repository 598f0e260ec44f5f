using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Artifacts;

/// <summary>
/// Hands out trained parts: a part already trained in the store is loaded, any other is trained first
/// (resuming its checkpoint, under its folder's lock) and recorded as done. Each part is built once per
/// process and shared by every measure and head that reads it.
/// </summary>
public sealed class ArtifactProvider(
    ArtifactStore store, ArtifactGraph graph, string environment, Device device, ITrainingProgress progress, TrainingSets sets, Action<string> notice)
    : IDisposable
{
    private readonly Dictionary<string, nn.Module> models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lazy<TransferLatents>> latents = new(StringComparer.Ordinal);

    public ArtifactStore Store => store;

    /// <summary>The graph node of a part (added to the graph if the plan did not list it).</summary>
    public ArtifactNode Node(ArtifactSpec spec) => graph.Add(spec);

    /// <summary>The trained module of <paramref name="node"/> (training it, and its source, if needed).</summary>
    public nn.Module Get(ArtifactNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (models.TryGetValue(node.Key, out var cached))
        {
            return cached;
        }

        var source = node.Source is null ? null : Get(node.Source);
        var job = new ArtifactJob(
            node,
            store.CheckpointOf(node),
            new TrainingContext((ulong)node.Spec.Seed, device, progress, node.Spec.Settings[Setting.CheckpointEvery]),
            pair => TrainSets(node.Spec, pair),
            () => sets.Labelled(node.Spec.Dataset, Split.Train, node.Spec.Settings[Setting.TrainImages]),
            other => Get(Node(other)),
            source,
            source is Lavae space ? LatentsOf(node.Source!, space) : null); // only a latent space has stage 3's latents
        var kind = ModelKinds.Get(node.Spec.Kind);
        nn.Module model;
        if (store.StateOf(node) == ArtifactState.Done)
        {
            model = TrainOrRetry(kind, job); // every stage is complete in the checkpoint: this only loads it
        }
        else
        {
            using var held = store.Lock(node, notice);
            var trainedMeanwhile = store.StateOf(node) == ArtifactState.Done;
            if (!trainedMeanwhile)
            {
                store.Describe(node, environment, complete: false);
            }

            model = TrainOrRetry(kind, job);
            if (!trainedMeanwhile)
            {
                store.Describe(node, environment, complete: true);
            }
        }

        models.Add(node.Key, model);
        return model;
    }

    /// <summary>The columns of <paramref name="node"/>'s trained model (Table I's, for the kinds that have them).</summary>
    public IReadOnlyList<ErrorColumn> Columns(ArtifactNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var model = Get(node);
        return ModelKinds.Get(node.Spec.Kind).Columns(model, node.Source is null ? null : Get(node.Source));
    }

    /// <summary>The test sets a part is measured on: its pair's, from the first <c>test_images</c> test digits.</summary>
    public AlignedSets TestSets(ArtifactSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.HasPair)
        {
            throw new ArgumentException($"{spec.Describe()} trains on no pair, so it has no aligned test sets", nameof(spec));
        }

        return sets.Get(spec.Dataset, spec.Pair, Split.Test, spec.Settings[Setting.TestImages], spec.Seed);
    }

    /// <summary>The first <c>test_images</c> test digits of a part's dataset with their labels; digit i is digit i of <see cref="TestSets"/>.</summary>
    public LabelledImages TestDigits(ArtifactSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return sets.Labelled(spec.Dataset, Split.Test, spec.Settings[Setting.TestImages]);
    }

    /// <summary>The class labels of the test digits <see cref="TestSets"/> holds, image i's at i.</summary>
    public byte[] TestLabels(ArtifactSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return sets.Labels(spec.Dataset, Split.Test, spec.Settings[Setting.TestImages]);
    }

    /// <summary>The training sets a part of this pair trains on (the first <c>train_images</c> digits), e.g. for latent statistics.</summary>
    public AlignedSets TrainSets(ArtifactSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TrainSets(spec, spec.Pair);
    }

    public void Dispose()
    {
        foreach (var lazy in latents.Values.Where(lazy => lazy.IsValueCreated))
        {
            lazy.Value.Dispose();
        }

        foreach (var model in models.Values)
        {
            model.Dispose();
        }

        models.Clear();
        latents.Clear();
    }

    // A checkpoint found unresumable mid-way (its optimizer moments) is set aside by then: the part is
    // built afresh and trained from the start, once.
    private nn.Module TrainOrRetry(IModelKind kind, ArtifactJob job)
    {
        try
        {
            return kind.Train(job);
        }
        catch (CheckpointSetAsideException e)
        {
            notice(e.Message);
            return kind.Train(job);
        }
    }

    private AlignedSets TrainSets(ArtifactSpec spec, IReadOnlyList<string> pair) =>
        sets.Get(spec.Dataset, pair, Split.Train, spec.Settings[Setting.TrainImages], spec.Seed);

    private Lazy<TransferLatents> LatentsOf(ArtifactNode space, Lavae model)
    {
        if (!latents.TryGetValue(space.Key, out var lazy))
        {
            lazy = new Lazy<TransferLatents>(() => new TransferLatents(model, TrainSets(space.Spec, space.Spec.Pair).Orig));
            latents.Add(space.Key, lazy);
        }

        return lazy;
    }
}
